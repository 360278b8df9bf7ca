package dev.cairn.credentials.openbadges;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks an Open Badges 3.0 credential against 1EdTech's JSON Schema for its class (OB 3.0 §B.1
 * AchievementCredential, EndorsementCredential), bundled beside this class (see its README for the exact source).
 * The answer is a list of short messages, empty when the credential conforms; a credential that fails — or is not
 * JSON, or is no Open Badge — is a result, never an exception.
 *
 * <p>The bundled schemas are the VCDM 2.0 ones (draft 2019-09, run in 2019-09 mode: their {@code @context} rule
 * uses tuple {@code items}): {@code @context} must start with {@code https://www.w3.org/ns/credentials/v2} and an
 * OB 3.0 context, and {@code validFrom} is required, so an OB 3.0 credential in the VCDM 1.1 shape
 * ({@code issuanceDate}) does not conform. {@code format} (date-time, date) is asserted, not just annotated.
 */
public final class OpenBadgesSchema {
  /** At most this many messages: a hostile credential can fail thousands of times over. */
  static final int MAX_MESSAGES = 20;
  private static final int MAX_MESSAGE_LENGTH = 300;
  private static final String ACHIEVEMENT_ID =
      "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential-jsonschema1.json";
  private static final String ENDORSEMENT_ID =
      "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential-jsonschema1.json";

  private static final class Bundled {
    static final OpenBadgesSchema INSTANCE = new OpenBadgesSchema();
  }

  private final Schema achievementCredential;
  private final Schema endorsementCredential;

  private OpenBadgesSchema() {
    // Both schemas are served from the jar under their own $id; every $ref in them is local, nothing is fetched.
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09, builder -> builder
        .schemas(Map.of(ACHIEVEMENT_ID, resource("achievementcredential.json"),
            ENDORSEMENT_ID, resource("endorsementcredential.json")))
        .schemaLoader(loader -> loader.fetchRemoteResources(false))
        .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    this.achievementCredential = registry.getSchema(SchemaLocation.of(ACHIEVEMENT_ID));
    this.endorsementCredential = registry.getSchema(SchemaLocation.of(ENDORSEMENT_ID));
  }

  /** The schemas bundled in the jar, loaded once. */
  public static OpenBadgesSchema bundled() {
    return Bundled.INSTANCE;
  }

  /**
   * The outcome of one check: which schema the credential was checked against, the messages as
   * {@link #validate(JsonObject)} gives them, and how many errors the validator found in all (the messages stop at
   * {@value #MAX_MESSAGES}).
   */
  public record Findings(String schema, List<String> messages, int errorCount) {
    public Findings {
      messages = List.copyOf(messages);
    }

    public boolean conforms() {
      return errorCount == 0;
    }
  }

  /**
   * The credential checked against the schema its {@code type} names: AchievementCredential or
   * OpenBadgeCredential, else EndorsementCredential. Empty when it conforms.
   */
  public List<String> validate(JsonObject credential) {
    return check(credential).messages();
  }

  /** As {@link #validate(JsonObject)}, with the schema's name and the count of every error. */
  public Findings check(JsonObject credential) {
    List<String> types = types(credential.getValue("type"));
    Schema schema;
    String name;
    if (types.contains("AchievementCredential") || types.contains("OpenBadgeCredential")) {
      schema = achievementCredential;
      name = "AchievementCredential";
    } else if (types.contains("EndorsementCredential")) {
      schema = endorsementCredential;
      name = "EndorsementCredential";
    } else {
      return new Findings("(none)", List.of("$.type: names no Open Badges 3.0 credential type "
          + "(AchievementCredential, OpenBadgeCredential or EndorsementCredential)"), 1);
    }
    try {
      List<Error> errors = schema.validate(credential.encode(), InputFormat.JSON);
      return new Findings(name, messages(errors), errors.size());
    } catch (RuntimeException e) {
      // The validator's own limits (depth, steps) or an internal fault: reported, never thrown.
      return new Findings(name, List.of("the credential could not be checked against the schema: "
          + e.getClass().getSimpleName()), 1);
    }
  }

  /** As {@link #validate(JsonObject)}, for JSON text; text that is no JSON object is one message. */
  public List<String> validate(String json) {
    try {
      return validate(new JsonObject(json));
    } catch (RuntimeException e) {
      return List.of("the credential is not a JSON object");
    }
  }

  private static List<String> types(Object type) {
    List<String> types = new ArrayList<>();
    if (type instanceof String single) {
      types.add(single);
    } else if (type instanceof JsonArray array) {
      array.forEach(entry -> types.add(String.valueOf(entry)));
    }
    return types;
  }

  private static List<String> messages(List<Error> errors) {
    List<String> messages = new ArrayList<>();
    for (Error error : errors.subList(0, Math.min(errors.size(), MAX_MESSAGES))) {
      String message = error.toString();
      messages.add(message.length() > MAX_MESSAGE_LENGTH ? message.substring(0, MAX_MESSAGE_LENGTH - 1) + "…" : message);
    }
    if (errors.size() > MAX_MESSAGES) {
      messages.add("… and " + (errors.size() - MAX_MESSAGES) + " more");
    }
    return messages;
  }

  private static String resource(String name) {
    try (InputStream in = OpenBadgesSchema.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("bundled Open Badges schema " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
