package dev.cairn.did;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A DID document (DID Core §5), read into types: its id, its verification methods by absolute id, and which of
 * them each verification relationship lists. The JSON it was read from is kept as the representation served.
 */
public final class DidDocument {
  private final String id;
  private final Map<String, VerificationMethod> methods;
  private final Map<VerificationRelationship, Set<String>> relationships;
  private final JsonObject json;

  private DidDocument(String id, Map<String, VerificationMethod> methods,
                      Map<VerificationRelationship, Set<String>> relationships, JsonObject json) {
    this.id = id;
    this.methods = methods;
    this.relationships = relationships;
    this.json = json;
  }

  /**
   * Reads a document's JSON. A structure that breaks DID Core fails with notFound (no valid document was found
   * for the DID) and a reason naming the broken member.
   */
  public static DidDocument read(JsonObject json) {
    Object id = json.getValue("id");
    if (!(id instanceof String documentId)) {
      throw malformed("the DID document has no string 'id'");
    }
    Map<String, VerificationMethod> methods = new LinkedHashMap<>();
    for (JsonObject method : objects(json, "verificationMethod")) {
      add(methods, documentId, method);
    }
    Map<VerificationRelationship, Set<String>> relationships = new EnumMap<>(VerificationRelationship.class);
    for (VerificationRelationship relationship : VerificationRelationship.values()) {
      Object entries = json.getValue(relationship.property());
      if (entries == null) {
        continue;
      }
      if (!(entries instanceof JsonArray array)) {
        throw malformed("'" + relationship.property() + "' must be an array");
      }
      Set<String> ids = new java.util.LinkedHashSet<>();
      for (Object entry : array) {
        if (entry instanceof String reference) {
          ids.add(absolute(documentId, reference));
        } else if (entry instanceof JsonObject embedded) {
          ids.add(add(methods, documentId, embedded).id());
        } else {
          throw malformed("'" + relationship.property() + "' entries are ids or verification methods");
        }
      }
      relationships.put(relationship, Set.copyOf(ids));
    }
    return new DidDocument(documentId, Map.copyOf(methods), relationships, json);
  }

  public String id() {
    return id;
  }

  public JsonObject json() {
    return json;
  }

  public List<VerificationMethod> verificationMethods() {
    return List.copyOf(methods.values());
  }

  /** The method with this absolute id ({@code did#fragment}), if the document defines it. */
  public Optional<VerificationMethod> verificationMethod(String absoluteId) {
    return Optional.ofNullable(methods.get(absoluteId));
  }

  public boolean lists(VerificationRelationship relationship, String absoluteId) {
    return relationships.getOrDefault(relationship, Set.of()).contains(absoluteId);
  }

  private static VerificationMethod add(Map<String, VerificationMethod> methods, String documentId, JsonObject method) {
    Object methodId = method.getValue("id");
    Object type = method.getValue("type");
    Object controller = method.getValue("controller");
    if (!(methodId instanceof String rawId) || !(type instanceof String typeName)
        || !(controller instanceof String controllerId)) {
      throw malformed("a verification method needs string 'id', 'type' and 'controller'");
    }
    VerificationMethod parsed = new VerificationMethod(absolute(documentId, rawId), typeName, controllerId, method);
    VerificationMethod previous = methods.putIfAbsent(parsed.id(), parsed);
    if (previous != null && !previous.equals(parsed)) {
      throw malformed("two verification methods share the id " + parsed.id());
    }
    return parsed;
  }

  /** DID Core §5.2: a relative DID URL ("#key-1") is resolved against the document's id. */
  private static String absolute(String documentId, String reference) {
    return reference.startsWith("#") ? documentId + reference : reference;
  }

  private static List<JsonObject> objects(JsonObject json, String property) {
    Object value = json.getValue(property);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw malformed("'" + property + "' must be an array");
    }
    List<JsonObject> objects = new ArrayList<>();
    for (Object entry : array) {
      if (!(entry instanceof JsonObject object)) {
        throw malformed("'" + property + "' entries must be objects");
      }
      objects.add(object);
    }
    return objects;
  }

  private static DidResolutionException malformed(String reason) {
    return new DidResolutionException(DidError.NOT_FOUND, "malformed DID document: " + reason);
  }
}
