package dev.cairn.wallet.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads openapi.yaml and checks answers against it: which operations exist, and what each may return. */
public final class OpenApiContract {
  private static final String DOCUMENT = "classpath:openapi.yaml";
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private final JsonNode root;
  private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  public OpenApiContract() {
    try (InputStream in = OpenApiContract.class.getResourceAsStream("/openapi.yaml")) {
      this.root = new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "GET /v1/me", one per operation the document describes. */
  Set<String> operations() {
    Set<String> operations = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
      path.getValue().fieldNames().forEachRemaining(method -> {
        if (METHODS.contains(method)) {
          operations.add(method.toUpperCase() + " " + path.getKey());
        }
      });
    }
    return operations;
  }

  /**
   * The ways the answer breaks the document: an undocumented status or media type, or a body that fails its
   * schema. Empty when the answer conforms.
   */
  public List<String> violations(String method, String templatePath, int status, String contentType, String body) {
    String operationPointer = "/paths/" + escape(templatePath) + "/" + method.toLowerCase();
    JsonNode operation = root.at(operationPointer);
    if (operation.isMissingNode()) {
      return List.of("undocumented operation " + method + " " + templatePath);
    }
    String responsePointer = operationPointer + "/responses/" + status;
    JsonNode response = root.at(responsePointer);
    if (response.isMissingNode()) {
      return List.of("status " + status + " is not documented for " + method + " " + templatePath);
    }
    if (response.has("$ref")) {
      responsePointer = response.get("$ref").asText().substring(1);
      response = root.at(responsePointer);
    }
    if (!response.has("content")) {
      return body == null || body.isEmpty() ? List.of() : List.of("a body where the document has none");
    }
    String mediaType = contentType == null ? "" : contentType.split(";")[0].trim();
    if (!response.path("content").has(mediaType)) {
      return List.of("media type '" + mediaType + "' is not documented for " + status);
    }
    if (!mediaType.endsWith("json")) {
      return List.of();
    }
    Schema schema = schemas.getSchema(SchemaLocation.of(
        DOCUMENT + "#" + responsePointer + "/content/" + escape(mediaType) + "/schema"));
    return schema.validate(body, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  /** RFC 6901 escaping of one JSON Pointer segment. */
  private static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
