package dev.cairn.wallet.employer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.wallet.auth.Principal;
import dev.cairn.wallet.credential.IncomingCredential;
import dev.cairn.wallet.http.QueryParameters;
import dev.cairn.wallet.http.PathIds;
import dev.cairn.wallet.http.Access;
import dev.cairn.wallet.http.JsonBody;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.http.Reply;
import dev.cairn.wallet.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The employer's verifier routes: API keys, and verifying what arrived by other means. */
public final class VerifierRoutes {
  private static final Set<String> VERIFY_PARAMETERS = Set.of("nonce", "audience");

  private final ApiKeys apiKeys;
  private final StandaloneVerification verification;
  private final JsonBody json;
  private final int maxCredentialBytes;

  public VerifierRoutes(ApiKeys apiKeys, dev.cairn.credentials.CredentialVerifier verifier,
                        dev.cairn.wallet.server.Workers workers, JsonBody json, int maxCredentialBytes) {
    this.apiKeys = apiKeys;
    this.verification = new StandaloneVerification(verifier, workers);
    this.json = json;
    this.maxCredentialBytes = maxCredentialBytes;
  }

  public void register(RouteTable routes) {
    routes.post("/v1/verifier/api-keys", Access.AUTHENTICATED, this::createKey);
    routes.get("/v1/verifier/api-keys", Access.AUTHENTICATED, this::listKeys);
    routes.delete("/v1/verifier/api-keys/:keyId", Access.AUTHENTICATED, this::revokeKey);
    List<String> mediaTypes = new ArrayList<>(IncomingCredential.ACCEPTED);
    mediaTypes.addAll(List.of("application/vp+jwt", "application/vp+ld+json"));
    routes.post("/v1/verifier/verifications", Access.AUTHENTICATED,
        RouteTable.Body.of(mediaTypes, 2L * maxCredentialBytes + 1024), this::verify);
  }

  private Future<Reply> createKey(RoutingContext ctx) {
    Principal employer = VerifierAccess.signedInEmployer(Principal.of(ctx));
    JsonNode body = json.tree(ctx.body().buffer().getBytes());
    if (!body.isObject() || body.size() != 1 || !body.path("name").isTextual()
        || body.get("name").textValue().isBlank() || body.get("name").textValue().length() > 100) {
      throw new ProblemException(ProblemType.INVALID_REQUEST,
          "The body must be {\"name\": \"…\"}: a name of 1–100 characters saying what the key is for");
    }
    return apiKeys.create(employer.accountId(), body.get("name").textValue().strip())
        .map(key -> Reply.json(201, key, Map.of("Location", "/v1/verifier/api-keys/" + key.getString("id"),
            "Cache-Control", "no-store")));
  }

  private Future<Reply> listKeys(RoutingContext ctx) {
    return apiKeys.list(VerifierAccess.signedInEmployer(Principal.of(ctx)).accountId())
        .map(keys -> Reply.json(200, keys, Map.of()));
  }

  private Future<Reply> revokeKey(RoutingContext ctx) {
    Principal employer = VerifierAccess.signedInEmployer(Principal.of(ctx));
    UUID id = PathIds.uuid(ctx, "keyId", ApiKeys::notFound);
    return apiKeys.revoke(employer.accountId(), id).map(done -> Reply.noContent());
  }

  /** The same bodies as import (raw or wrapped); {@code nonce} and {@code audience} as query parameters. */
  private Future<Reply> verify(RoutingContext ctx) {
    VerifierAccess.employer(Principal.of(ctx));
    QueryParameters.only(ctx.queryParams(), VERIFY_PARAMETERS);
    Optional<String> nonce = Optional.ofNullable(ctx.queryParams().get("nonce"));
    Optional<String> audience = Optional.ofNullable(ctx.queryParams().get("audience"));
    if (nonce.isPresent() != audience.isPresent()) {
      throw new ProblemException(ProblemType.INVALID_REQUEST,
          "Query parameters 'nonce' and 'audience' go together: a presentation is checked against both");
    }
    String contentType = ctx.request().getHeader("Content-Type");
    String mediaType = dev.cairn.wallet.http.MediaTypes.essence(contentType);
    // Presentation media types carry the same shapes as their credential counterparts.
    String asCredential = switch (mediaType) {
      case "application/vp+jwt" -> "application/jwt";
      case "application/vp+ld+json" -> "application/ld+json";
      default -> contentType;
    };
    IncomingCredential incoming = IncomingCredential.read(asCredential, ctx.body().buffer(), maxCredentialBytes, json);
    return verification.verify(incoming.text(), nonce, audience).map(view -> Reply.json(200, view, Map.of()));
  }
}
