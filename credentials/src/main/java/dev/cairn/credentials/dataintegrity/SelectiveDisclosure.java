package dev.cairn.credentials.dataintegrity;

import dev.cairn.credentials.ReasonCode;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.jsonld.CanonicalDataset;
import dev.cairn.credentials.jsonld.Deadline;
import dev.cairn.credentials.jsonld.JakartaJson;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.credentials.jsonld.RdfQuad;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The selective disclosure functions of VC DI ECDSA 1.0 §3.4 that the holder needs: skolemization (every node gets a
 * {@code urn:custom-scheme:} id so a selection keeps its identity), selectJsonLd by JSON pointers, and
 * canonicalizeAndGroup, which tells which canonical N-Quads each selection covers.
 */
final class SelectiveDisclosure {
  static final String URN_SCHEME = "urn:custom-scheme:";
  private static final JsonProvider JSON = JsonProvider.provider();

  private final RdfCanonicalizer canonicalizer;

  SelectiveDisclosure(RdfCanonicalizer canonicalizer) {
    this.canonicalizer = canonicalizer;
  }

  /** One named group's canonical quads: those the selection covers (by index in all quads) and the rest. */
  record Group(Map<Integer, String> matching, Map<Integer, String> nonMatching, List<RdfQuad> deskolemized) {}

  /** The result of canonicalizeAndGroup (§3.4.13). */
  record Grouped(Map<String, Group> groups, List<String> nquads, Map<String, String> labelMap, JsonObject skolemizedCompact) {}

  /**
   * canonicalizeAndGroup: canonical N-Quads of {@code document} with blank nodes relabelled by {@code labelFor}
   * (canonical label to final label), grouped by each definition's JSON pointers.
   */
  Grouped canonicalizeAndGroup(JsonObject document, UnaryOperator<String> labelFor, Map<String, List<String>> definitions,
                               Deadline deadline) {
    JsonObject skolemized = skolemizeCompact(document, deadline);
    List<RdfQuad> deskolemized = deskolemize(canonicalizer.toRdf(JakartaJson.of(skolemized), deadline));
    CanonicalDataset canonical = canonicalizer.canonicalize(deskolemized, deadline, labelFor);
    // labelMap: input label (from skolemization) -> final label, as createLabelMapFunction composes them.
    Map<String, String> labelMap = new LinkedHashMap<>();
    canonical.labels().forEach((input, c14n) -> labelMap.put(input, labelFor.apply(c14n)));
    Map<String, Group> groups = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> definition : definitions.entrySet()) {
      List<RdfQuad> selected = definition.getValue().isEmpty() ? List.of()
          : deskolemize(canonicalizer.toRdf(JakartaJson.of(select(definition.getValue(), skolemized)), deadline));
      Set<String> selectedLines = new HashSet<>();
      for (RdfQuad quad : selected) {
        selectedLines.add(relabel(quad, labelMap).toNQuad());
      }
      Map<Integer, String> matching = new LinkedHashMap<>();
      Map<Integer, String> nonMatching = new LinkedHashMap<>();
      for (int i = 0; i < canonical.nquads().size(); i++) {
        String line = canonical.nquads().get(i);
        (selectedLines.contains(line) ? matching : nonMatching).put(i, line);
      }
      groups.put(definition.getKey(), new Group(matching, nonMatching, selected));
    }
    return new Grouped(groups, canonical.nquads(), labelMap, skolemized);
  }

  /** skolemizeCompactJsonLd (§3.4.8): expand, give every node an id, compact back under the same context. */
  JsonObject skolemizeCompact(JsonObject document, Deadline deadline) {
    jakarta.json.JsonArray expanded = canonicalizer.expand(JakartaJson.of(document), deadline);
    String random = UUID.randomUUID().toString();
    int[] count = {0};
    jakarta.json.JsonArray skolemized = skolemizeExpanded(expanded, random, count);
    return JakartaJson.toVertx(canonicalizer.compact(skolemized, JakartaJson.value(document.getValue("@context")), deadline));
  }

  /** skolemizeExpandedJsonLd (§3.4.7). */
  private static jakarta.json.JsonArray skolemizeExpanded(jakarta.json.JsonArray expanded, String random, int[] count) {
    JsonArrayBuilder out = JSON.createArrayBuilder();
    for (JsonValue element : expanded) {
      if (element.getValueType() != JsonValue.ValueType.OBJECT || element.asJsonObject().containsKey("@value")) {
        out.add(element);
        continue;
      }
      JsonObjectBuilder node = JSON.createObjectBuilder();
      jakarta.json.JsonObject object = element.asJsonObject();
      for (Map.Entry<String, JsonValue> property : object.entrySet()) {
        JsonValue value = property.getValue();
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
          node.add(property.getKey(), skolemizeExpanded(value.asJsonArray(), random, count));
        } else {
          node.add(property.getKey(), skolemizeExpanded(JSON.createArrayBuilder().add(value).build(), random, count).get(0));
        }
      }
      String id = object.containsKey("@id") ? object.getString("@id") : null;
      if (id == null) {
        node.add("@id", URN_SCHEME + "_" + random + "_" + count[0]++);
      } else if (id.startsWith("_:")) {
        node.add("@id", URN_SCHEME + id.substring(2));
      }
      out.add(node);
    }
    return out.build();
  }

  /** toDeskolemizedNQuads / deskolemizeNQuads (§3.4.9, §3.4.6): skolem IRIs back to blank nodes. */
  static List<RdfQuad> deskolemize(List<RdfQuad> quads) {
    List<RdfQuad> out = new ArrayList<>(quads.size());
    for (RdfQuad quad : quads) {
      out.add(new RdfQuad(unskolem(quad.subject()), quad.predicate(),
          quad.isLiteral() ? quad.object() : unskolem(quad.object()), quad.datatype(), quad.language(),
          quad.direction(), unskolem(quad.graph())));
    }
    return out;
  }

  private static String unskolem(String term) {
    return term != null && term.startsWith(URN_SCHEME) ? "_:" + term.substring(URN_SCHEME.length()) : term;
  }

  /** relabelBlankNodes (§3.4.12) on one quad. */
  static RdfQuad relabel(RdfQuad quad, Map<String, String> labelMap) {
    return new RdfQuad(label(quad.subject(), labelMap), quad.predicate(),
        quad.isLiteral() ? quad.object() : label(quad.object(), labelMap), quad.datatype(), quad.language(),
        quad.direction(), label(quad.graph(), labelMap));
  }

  private static String label(String term, Map<String, String> labelMap) {
    return term != null && term.startsWith("_:") ? labelMap.getOrDefault(term, term) : term;
  }

  /** selectJsonLd (§3.4.11): the part of a compact document the pointers reach, with ids and types on the way. */
  static JsonObject select(List<String> pointers, JsonObject document) {
    JsonObject selection = initialSelection(document);
    selection.put("@context", document.getValue("@context"));
    List<JsonArray> arrays = new ArrayList<>();
    for (String pointer : pointers) {
      selectPaths(JsonPointers.paths(pointer), document, selection, arrays);
    }
    for (JsonArray array : arrays) {
      array.getList().removeIf(java.util.Objects::isNull); // make sparse arrays dense
    }
    return selection;
  }

  /** createInitialSelection (§3.4.9): a node's non-blank id and its types. */
  private static JsonObject initialSelection(Object source) {
    JsonObject selection = new JsonObject();
    if (source instanceof JsonObject object) {
      if (object.getValue("id") instanceof String id && !id.startsWith("_:")) {
        selection.put("id", id);
      }
      if (object.containsKey("type")) {
        selection.put("type", object.getValue("type"));
      }
    }
    return selection;
  }

  /** selectPaths (§3.4.10). */
  private static void selectPaths(List<Object> paths, JsonObject document, JsonObject selection, List<JsonArray> arrays) {
    Object value = document;
    Object selectedParent = selection;
    Object selectedValue = selection;
    for (Object path : paths) {
      selectedParent = selectedValue;
      value = child(value, path);
      if (value == null) {
        throw new VerificationException(ReasonCode.MALFORMED, "the JSON pointer segment '" + path + "' matches nothing in the document");
      }
      selectedValue = child(selectedParent, path);
      if (selectedValue == null) {
        if (value instanceof JsonArray) {
          JsonArray array = new JsonArray();
          arrays.add(array);
          selectedValue = array;
        } else {
          selectedValue = initialSelection(value);
        }
        put(selectedParent, path, selectedValue);
      }
    }
    // At the target: literals and arrays are copied whole; objects merged into what is already selected.
    Object target;
    if (value instanceof JsonObject object) {
      JsonObject merged = selectedValue instanceof JsonObject already ? already.copy() : new JsonObject();
      merged.mergeIn(object.copy());
      target = merged;
    } else if (value instanceof JsonArray array) {
      target = array.copy();
    } else {
      target = value;
    }
    // JsonPointers.paths always yields at least one segment.
    put(selectedParent, paths.get(paths.size() - 1), target);
  }

  private static Object child(Object parent, Object path) {
    if (parent instanceof JsonObject object) {
      return object.getValue(String.valueOf(path));
    }
    if (parent instanceof JsonArray array && path instanceof Integer index) {
      return index >= 0 && index < array.size() ? array.getValue(index) : null;
    }
    return null;
  }

  private static void put(Object parent, Object path, Object value) {
    if (parent instanceof JsonObject object) {
      object.put(String.valueOf(path), value);
    } else if (parent instanceof JsonArray array && path instanceof Integer index) {
      while (array.size() <= index) {
        array.addNull();
      }
      array.set(index, value);
    } else {
      throw new VerificationException(ReasonCode.MALFORMED, "the JSON pointer segment '" + path + "' does not fit the document");
    }
  }
}
