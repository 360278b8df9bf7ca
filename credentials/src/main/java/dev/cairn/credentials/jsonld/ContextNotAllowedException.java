package dev.cairn.credentials.jsonld;

/** A document named a JSON-LD context that is not among the pinned, bundled ones. */
public final class ContextNotAllowedException extends RuntimeException {
  private final String url;

  public ContextNotAllowedException(String url) {
    super("the JSON-LD context " + url + " is not one of the bundled, pinned contexts", null, false, false);
    this.url = url;
  }

  public String url() {
    return url;
  }
}
