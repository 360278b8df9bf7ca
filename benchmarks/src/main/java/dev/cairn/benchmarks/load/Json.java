package dev.cairn.benchmarks.load;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Reads the few response bodies the generator checks, failing with the call and the body when one is off. */
final class Json {
  /** What a list or search answer's first page holds. */
  record Page(int items, boolean more) {
    @Override
    public String toString() {
      return items + " items" + (more ? ", nextCursor present" : ", no nextCursor");
    }
  }

  private Json() {}

  static JsonObject withId(WalletClient.Response response, String call) {
    try {
      JsonObject body = new JsonObject(response.text());
      if (body.getValue("id") == null) {
        throw new IllegalStateException(call + " answered " + response.status() + " without an id: "
            + Report.excerpt(response.text()));
      }
      return body;
    } catch (DecodeException e) {
      throw new IllegalStateException(call + " answered " + response.status() + " with a body that is not a JSON "
          + "object: " + Report.excerpt(response.text()), e);
    }
  }

  /** The ids of a page's items. */
  static java.util.List<String> ids(WalletClient.Response response) {
    JsonArray items = new JsonObject(response.text()).getJsonArray("items");
    return items.stream().map(item -> ((JsonObject) item).getString("id")).toList();
  }

  static Page page(WalletClient.Response response) {
    try {
      JsonObject body = new JsonObject(response.text());
      if (!(body.getValue("items") instanceof JsonArray items)) {
        throw new IllegalStateException("a page without an items array: " + Report.excerpt(response.text()));
      }
      return new Page(items.size(), body.getValue("nextCursor") != null);
    } catch (DecodeException e) {
      throw new IllegalStateException("a page that is not a JSON object: " + Report.excerpt(response.text()), e);
    }
  }
}
