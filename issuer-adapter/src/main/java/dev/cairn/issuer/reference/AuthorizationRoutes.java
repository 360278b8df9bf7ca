package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OAuthError;
import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The Authorization Code Flow's front channel (§5): the Pushed Authorization Request Endpoint (RFC 9126 §2), the
 * Authorization Endpoint (RFC 6749 §4.1.1) with its confirmation page, and the form that answers it with a
 * redirect carrying {@code code}, {@code state} and {@code iss} (RFC 9207). PAR errors are JSON (RFC 9126 §2.3,
 * through the issuer's failure handler); errors at the Authorization Endpoint are shown on a page and never
 * redirected, so a forged request cannot bounce the browser anywhere.
 */
final class AuthorizationRoutes {
  private final ReferenceIssuerConfig config;
  private final AuthorizationSettings settings;
  private final IssuerEndpoints endpoints;
  private final IssuerStates issuerStates;
  private final PushedAuthorizationRequests pushed;
  private final Consents consents;
  private final AuthorizationCodes codes;

  AuthorizationRoutes(ReferenceIssuerConfig config, AuthorizationSettings settings, IssuerEndpoints endpoints,
                      IssuerStates issuerStates, PushedAuthorizationRequests pushed, Consents consents,
                      AuthorizationCodes codes) {
    this.config = config;
    this.settings = settings;
    this.endpoints = endpoints;
    this.issuerStates = issuerStates;
    this.pushed = pushed;
    this.consents = consents;
    this.codes = codes;
  }

  void mount(Router router) {
    if (settings.pushedRequests() != AuthorizationSettings.PushedRequests.NOT_OFFERED) {
      router.post(endpoints.local(IssuerEndpoints.PUSHED_AUTHORIZATION_REQUEST)).handler(this::pushedRequest);
    }
    router.get(endpoints.local(IssuerEndpoints.AUTHORIZATION)).handler(this::authorization);
    router.post(endpoints.local(IssuerEndpoints.CONSENT)).handler(this::consent);
  }

  /** RFC 9126 §2.1: the Authorization Request's parameters as a form; §2.2: 201 with request_uri and expires_in. */
  private void pushedRequest(RoutingContext context) {
    requireForm(context);
    MultiMap form = context.request().formAttributes();
    if (form.contains("request_uri")) {
      throw new OAuthException(OAuthError.INVALID_REQUEST, "request_uri must not be pushed (RFC 9126 section 2.1)");
    }
    PushedAuthorizationRequests.Pushed request = pushed.push(AuthorizationRequest.read(form, issuerStates));
    context.response().setStatusCode(201).putHeader("Content-Type", OpenId4Vci.JSON).putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("request_uri", request.requestUri()).put("expires_in", request.expiresIn()).encode());
  }

  /** RFC 6749 §4.1.1, or RFC 9126 §4 with {@code client_id} and {@code request_uri}: the confirmation page. */
  private void authorization(RoutingContext context) {
    MultiMap query = context.queryParams();
    AuthorizationRequest request;
    try {
      String requestUri = OAuthParameters.single(query, "request_uri");
      if (requestUri != null) {
        request = pushed.take(requestUri, OAuthParameters.required(query, "client_id"));
      } else if (settings.requirePushedAuthorizationRequests()) {
        throw new OAuthException(OAuthError.INVALID_REQUEST, "this server requires pushed authorization requests");
      } else {
        request = AuthorizationRequest.read(query, issuerStates);
      }
    } catch (OAuthException refused) {
      html(context, 400, ConsentPage.error(config, refused.error().code(), refused.getMessage()), null);
      return;
    }
    String consentId = consents.await(request);
    html(context, 200, ConsentPage.confirm(config, endpoints.local(IssuerEndpoints.CONSENT), consentId, request),
        request.redirectUri());
  }

  /**
   * The learner's answer: approve issues the code (spending the offer's issuer_state), deny answers
   * {@code access_denied} (RFC 6749 §4.1.2.1); both go back to the redirect URI with {@code state} and {@code iss}.
   */
  private void consent(RoutingContext context) {
    if (!String.valueOf(context.request().getHeader("Content-Type")).startsWith(OpenId4Vci.FORM)) {
      html(context, 400, ConsentPage.error(config, "invalid_request", "the confirmation is a form POST"), null);
      return;
    }
    MultiMap form = context.request().formAttributes();
    AuthorizationRequest request = consents.answer(form.get("consent")).orElse(null);
    if (request == null) {
      html(context, 400, ConsentPage.error(config, "invalid_request",
          "this confirmation expired or was already answered"), null);
      return;
    }
    StringBuilder answer = new StringBuilder();
    if ("approve".equals(form.get("decision")) && issuerStates.spend(request.issuerState())) {
      answer.append("code=").append(encode(codes.issue(request)));
    } else if ("approve".equals(form.get("decision"))) {
      html(context, 400, ConsentPage.error(config, "invalid_request", "this offer was already used or expired"), null);
      return;
    } else {
      answer.append("error=").append(OAuthError.ACCESS_DENIED.code());
    }
    request.state().ifPresent(state -> answer.append("&state=").append(encode(state)));
    // RFC 9207 §2: the issuer identifier, so a wallet talking to several servers can tell who answered.
    answer.append("&iss=").append(encode(config.issuer().toString()));
    URI redirect = request.redirectUri();
    String location = redirect + (redirect.getRawQuery() == null ? "?" : "&") + answer;
    context.response().setStatusCode(303).putHeader("Location", location).putHeader("Cache-Control", "no-store")
        .putHeader("Referrer-Policy", "no-referrer").end();
  }

  private static void requireForm(RoutingContext context) {
    if (!String.valueOf(context.request().getHeader("Content-Type")).startsWith(OpenId4Vci.FORM)) {
      throw new OAuthException(OAuthError.INVALID_REQUEST, "a pushed authorization request is " + OpenId4Vci.FORM);
    }
  }

  private static void html(RoutingContext context, int status, String page, URI redirectUri) {
    context.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", ConsentPage.contentSecurityPolicy(redirectUri))
        .putHeader("Cache-Control", "no-store").putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Content-Type-Options", "nosniff").end(page);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
