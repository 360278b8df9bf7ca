package dev.cairn.wallet.auth;

import com.nimbusds.jwt.JWTParser;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The authentication stage of every non-public route (RFC 6750 bearer tokens). Cairn's own tokens and, when
 * configured, an external OpenID Connect provider's are told apart by their {@code iss}; each is then verified
 * in full by its authenticator. Failures answer 401 with a {@code WWW-Authenticate} challenge (RFC 6750 §3).
 */
public final class BearerAuthHandler implements Handler<RoutingContext> {
  static final String REALM = "cairn";
  private static final String PREFIX = "Bearer ";

  private final String cairnIssuer;
  private final Authenticator cairn;
  private final Optional<OidcTokenAuthenticator> oidc;
  private final Optional<ApiKeyAuthenticator> apiKeys;

  public BearerAuthHandler(String cairnIssuer, Authenticator cairn, Optional<OidcTokenAuthenticator> oidc) {
    this(cairnIssuer, cairn, oidc, Optional.empty());
  }

  /** With employers' API keys, told apart from JWTs by their prefix. */
  public BearerAuthHandler(String cairnIssuer, Authenticator cairn, Optional<OidcTokenAuthenticator> oidc,
                           Optional<ApiKeyAuthenticator> apiKeys) {
    this.cairnIssuer = cairnIssuer;
    this.cairn = cairn;
    this.oidc = oidc;
    this.apiKeys = apiKeys;
  }

  /** An authenticator for opaque keys that start with a fixed prefix. */
  public interface ApiKeyAuthenticator extends Authenticator {
    String prefix();
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      ctx.fail(new ProblemException(ProblemType.AUTHENTICATION_REQUIRED,
          "Send an access token as 'Authorization: Bearer <token>'",
          Map.of("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"")));
      return;
    }
    String token = header.substring(PREFIX.length()).trim();
    Authenticator authenticator;
    try {
      authenticator = choose(token);
    } catch (InvalidTokenException e) {
      ctx.fail(invalid(e.getMessage()));
      return;
    }
    authenticator.authenticate(token).onComplete(done -> {
      if (done.succeeded()) {
        done.result().attachTo(ctx);
        ctx.next();
      } else if (done.cause() instanceof InvalidTokenException e) {
        ctx.fail(invalid(e.getMessage()));
      } else {
        ctx.fail(done.cause());
      }
    });
  }

  private Authenticator choose(String token) {
    if (apiKeys.isPresent() && token.startsWith(apiKeys.get().prefix())) {
      return apiKeys.get();
    }
    if (oidc.isEmpty()) {
      // Nothing to tell apart: Cairn's authenticator checks iss itself, and finds a token it verified before in its
      // cache without parsing it. Parsing here cost a full JWT parse per request on the event loop (about 7 % of
      // the mix's samples, docs/performance.md).
      return cairn;
    }
    String issuer;
    try {
      issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
    } catch (ParseException | RuntimeException e) {
      throw new InvalidTokenException("the access token is not a well-formed JWT");
    }
    if (cairnIssuer.equals(issuer)) {
      return cairn;
    }
    if (oidc.get().issuer().equals(issuer)) {
      return oidc.get();
    }
    throw new InvalidTokenException("the access token comes from an issuer this API does not accept");
  }

  private static ProblemException invalid(String reason) {
    return new ProblemException(ProblemType.INVALID_TOKEN, "The access token was rejected: " + reason,
        Map.of("WWW-Authenticate", "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\""
            + reason.replace("\"", "'") + "\""));
  }
}
