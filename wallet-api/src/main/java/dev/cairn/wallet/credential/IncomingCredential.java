package dev.cairn.wallet.credential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.wallet.http.JsonBody;
import dev.cairn.wallet.http.MediaTypes;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A credential as the learner's app sent it to {@code POST /v1/credentials}: the original bytes (kept exactly),
 * their text, and the media type the request declared. Reads the raw media types and the JSON wrapper
 * {@code {"credential": "<string>" | {…}}}; everything wrong with the body is a 4xx here, before verification.
 */
public record IncomingCredential(byte[] original, String text, Optional<String> declaredMediaType) {
  /** The media types import takes as the raw body (plus {@code application/json}, raw JSON-LD or the wrapper). */
  public static final List<String> COMPACT_TYPES =
      List.of("application/dc+sd-jwt", "application/vc+sd-jwt", "application/vc+jwt", "application/jwt");
  public static final List<String> JSON_LD_TYPES = List.of("application/vc+ld+json", "application/ld+json");
  public static final List<String> ACCEPTED = Stream.of(COMPACT_TYPES, JSON_LD_TYPES, List.of("application/json"))
      .flatMap(List::stream).toList();

  public static IncomingCredential read(String contentType, Buffer body, int maxBytes, JsonBody json) {
    String mediaType = MediaTypes.essence(contentType);
    if (body == null || body.length() == 0) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "The body is empty; send the credential");
    }
    byte[] bytes = body.getBytes();
    String text = utf8(bytes);
    IncomingCredential incoming;
    if (mediaType.equals("application/json")) {
      incoming = fromJson(bytes, text, json);
    } else {
      boolean looksJson = text.stripLeading().startsWith("{");
      if (JSON_LD_TYPES.contains(mediaType) && !looksJson) {
        throw mismatch(mediaType, "a compact JWS or SD-JWT");
      }
      if (COMPACT_TYPES.contains(mediaType) && looksJson) {
        throw mismatch(mediaType, "a JSON document");
      }
      incoming = new IncomingCredential(bytes, text, Optional.of(mediaType));
    }
    if (incoming.original.length > maxBytes) {
      throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The credential is " + incoming.original.length
          + " bytes; the limit is " + maxBytes + " (CAIRN_CREDENTIAL_MAX_BYTES)");
    }
    return incoming;
  }

  /** The media type to keep with the credential and to export it under. */
  public String mediaType(CredentialFormat format) {
    return declaredMediaType.orElseGet(() -> switch (format) {
      case SD_JWT_VC -> "application/dc+sd-jwt";
      case VC_JWT -> "application/vc+jwt";
      case JWT_VC_JSON, JWT_VP_JSON, VP_JWT -> "application/jwt";
      case LDP_VC, LDP_VP -> "application/vc+ld+json";
    });
  }

  /** {@code {"credential": …}} is the wrapper; any other JSON object is a JSON-LD credential sent as it is. */
  private static IncomingCredential fromJson(byte[] bytes, String text, JsonBody json) {
    JsonNode tree = json.tree(bytes);
    if (!tree.isObject()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST,
          "The body must be a JSON object: a JSON-LD credential, or {\"credential\": …}");
    }
    if (tree.size() != 1 || !tree.has("credential")) {
      return new IncomingCredential(bytes, text, Optional.empty());
    }
    JsonNode credential = tree.get("credential");
    if (credential.isTextual()) {
      String value = credential.textValue();
      if (value.isBlank()) {
        throw new ProblemException(ProblemType.INVALID_REQUEST, "Field 'credential' is empty");
      }
      return new IncomingCredential(value.getBytes(StandardCharsets.UTF_8), value, Optional.empty());
    }
    if (credential.isObject()) {
      try {
        String value = json.mapper().writeValueAsString(credential);
        return new IncomingCredential(value.getBytes(StandardCharsets.UTF_8), value, Optional.empty());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new ProblemException(ProblemType.INVALID_REQUEST,
        "Field 'credential' must be a string (a compact credential) or an object (a JSON-LD credential)");
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "The body is not UTF-8 text");
    }
  }

  private static ProblemException mismatch(String declared, String actual) {
    return new ProblemException(ProblemType.MEDIA_TYPE_MISMATCH,
        "The body is " + actual + ", but Content-Type says " + declared);
  }
}
