package dev.cairn.wallet.presentation;

import dev.cairn.credentials.dcql.CandidateMatch;
import dev.cairn.credentials.dcql.ClaimsPath;
import dev.cairn.credentials.dcql.CredentialQuery;
import dev.cairn.credentials.dcql.CredentialQueryMatch;
import dev.cairn.credentials.dcql.DcqlQuery;
import dev.cairn.credentials.dcql.DcqlResponseCheck;
import dev.cairn.credentials.dcql.PresentedCredential;
import dev.cairn.credentials.presentation.DisclosedClaims;
import dev.cairn.credentials.presentation.PresentationBuilder;
import dev.cairn.wallet.activity.ActivityLog;
import dev.cairn.wallet.holder.HolderKeys;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.openid4vp.AuthorizationRequest;
import dev.cairn.wallet.openid4vp.InvalidAuthorizationRequest;
import dev.cairn.wallet.openid4vp.OpenId4VpNames;
import dev.cairn.wallet.presentation.ExchangeStore.Exchange;
import dev.cairn.wallet.presentation.WalletCandidates.Candidate;
import dev.cairn.wallet.server.Workers;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The learner's side of OpenID4VP 1.0: open a request they scanned (who asks, why, which of their credentials can
 * answer and what each would disclose), then consent — Cairn builds each presentation with the learner's holder
 * key, disclosing only what they agreed to, and posts it to the verifier — or decline. Every disclosure and every
 * refusal lands in the learner's activity, in the transaction that records how the exchange ended.
 */
public final class PresentationExchanges {
  /** How long an exchange stays open when the request names no expiry of its own. */
  private static final Duration DEFAULT_OPEN_FOR = Duration.ofMinutes(15);

  private final Pool pool;
  private final ExchangeStore store;
  private final RequestRetrieval retrieval;
  private final WalletCandidates candidates;
  private final PresentationBuilder builder;
  private final AuthorizationResponses answers;
  private final ResponseDelivery delivery;
  private final ActivityLog activity;
  private final Workers workers;
  private final Clock clock;

  public PresentationExchanges(Pool pool, dev.cairn.did.fetch.HardenedFetch fetch, dev.cairn.did.DidResolver resolver,
                               HolderKeys holderKeys, PresentationBuilder builder, ActivityLog activity, Workers workers,
                               Clock clock) {
    this.pool = pool;
    this.store = new ExchangeStore(pool);
    this.retrieval = new RequestRetrieval(fetch, resolver, workers, clock);
    this.candidates = new WalletCandidates(pool);
    this.builder = builder;
    this.answers = new AuthorizationResponses(holderKeys, builder, workers);
    this.delivery = new ResponseDelivery(fetch);
    this.activity = activity;
    this.workers = workers;
    this.clock = clock;
  }

  /** Retrieves and checks the request, matches it against the learner's credentials, and keeps it open. */
  public Future<JsonObject> open(UUID accountId, String authorizationRequestUrl) {
    return retrieval.retrieve(authorizationRequestUrl).compose(request -> {
      Instant now = clock.instant();
      Exchange exchange = new Exchange(UUID.randomUUID(), accountId, request.clientId().value(),
          request.verifierName(), request.toClaims(now), ExchangeStore.OPEN, Optional.empty(), now,
          request.expiresAt().orElse(now.plus(DEFAULT_OPEN_FOR)), Optional.empty());
      return store.insert(exchange).compose(done -> view(exchange));
    });
  }

  public Future<JsonObject> get(UUID accountId, UUID id) {
    return find(accountId, id).compose(this::view);
  }

  /** Builds the consented presentations, sends them, and records the outcome with the learner's activity. */
  public Future<JsonObject> consent(UUID accountId, UUID id, LearnerConsent consent) {
    return find(accountId, id).compose(exchange -> {
      AuthorizationRequest request = openRequest(exchange);
      return candidates.match(accountId, request.parsedQuery(), clock.instant())
          .compose(matched -> previews(accountId, matched).compose(originals -> workers.crypto(
              () -> ConsentCheck.chosen(request.parsedQuery(), matched, originals, consent, builder))))
          .compose(chosen -> claim(exchange).map(chosen))
          .compose(chosen -> answers.build(accountId, request, chosen)
              .compose(parameters -> delivery.post(request.responseUri(), parameters))
              .compose(answer -> finish(exchange, ExchangeStore.SENT, answer, chosen, null),
                  failure -> finish(exchange, ExchangeStore.FAILED, new JsonObject(), chosen, failure)
                      .compose(done -> Future.failedFuture(failure))));
    });
  }

  /** §8.5: the learner said no; the verifier is told {@code access_denied} and nothing else. */
  public Future<JsonObject> decline(UUID accountId, UUID id) {
    return find(accountId, id).compose(exchange -> {
      AuthorizationRequest request = openRequest(exchange);
      Map<String, String> parameters = new HashMap<>();
      parameters.put(OpenId4VpNames.ERROR, OpenId4VpNames.ACCESS_DENIED);
      request.state().ifPresent(state -> parameters.put(OpenId4VpNames.STATE, state));
      return claim(exchange)
          .compose(done -> delivery.post(request.responseUri(), parameters))
          .compose(answer -> finish(exchange, ExchangeStore.DECLINED, answer, List.of(), null),
              failure -> finish(exchange, ExchangeStore.DECLINED, new JsonObject().put("delivered", false),
                  List.of(), null));
    });
  }

  private Future<Exchange> find(UUID accountId, UUID id) {
    return store.find(accountId, id).map(found -> found.orElseThrow(() ->
        new ProblemException(ProblemType.NOT_FOUND, "No presentation request with this id")));
  }

  /** The exchange's request, read again: still open, and not expired. */
  private AuthorizationRequest openRequest(Exchange exchange) {
    if (!ExchangeStore.OPEN.equals(exchange.status())) {
      throw new ProblemException(ProblemType.PRESENTATION_REQUEST_CLOSED,
          "This presentation request was already " + exchange.status());
    }
    if (!clock.instant().isBefore(exchange.expiresAt())) {
      throw new ProblemException(ProblemType.PRESENTATION_REQUEST_EXPIRED,
          "This presentation request expired at " + exchange.expiresAt());
    }
    try {
      return AuthorizationRequest.read(exchange.request(), clock.instant());
    } catch (InvalidAuthorizationRequest e) {
      throw new ProblemException(ProblemType.PRESENTATION_REQUEST_EXPIRED, e.getMessage());
    }
  }

  /** One answer per exchange: the first consent or decline moves it out of {@code open}. */
  private Future<Void> claim(Exchange exchange) {
    return store.claim(exchange.accountId(), exchange.id(), ExchangeStore.SENDING).map(claimed -> {
      if (!claimed) {
        throw new ProblemException(ProblemType.PRESENTATION_REQUEST_CLOSED, "This presentation request was already answered");
      }
      return null;
    });
  }

  /** The originals of the matched candidates, for previews and presentations. */
  private Future<Map<UUID, String>> previews(UUID accountId, WalletCandidates.Matched matched) {
    List<UUID> ids = new ArrayList<>();
    matched.match().credentialQueries().forEach(query -> query.matches().forEach(
        match -> ids.add(UUID.fromString(match.credentialId()))));
    if (ids.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return pool.preparedQuery("SELECT id, original FROM credential WHERE account_id = $1 AND id = ANY($2)")
        .execute(Tuple.tuple().addUUID(accountId).addArrayOfUUID(ids.toArray(UUID[]::new)))
        .map(rows -> {
          Map<UUID, String> originals = new HashMap<>();
          rows.forEach(row -> originals.put(row.getUUID("id"),
              new String(row.getBuffer("original").getBytes(), java.nio.charset.StandardCharsets.UTF_8)));
          return originals;
        });
  }

  /**
   * Records how the exchange ended and, in the same transaction, one activity entry per credential presented (or
   * one for a decline). The entries name the verifier and the claims' paths, never their values.
   */
  private Future<JsonObject> finish(Exchange exchange, String status, JsonObject answer, List<ConsentCheck.Chosen> chosen,
                                    Throwable failure) {
    JsonObject outcome = new JsonObject();
    if (answer.getValue(OpenId4VpNames.REDIRECT_URI) instanceof String redirect) {
      outcome.put("redirect_uri", redirect);
    }
    if (failure != null) {
      outcome.put("reason", failure instanceof ProblemException problem ? problem.type().code() : "internal-error")
          .put("detail", failure.getMessage());
    }
    if (answer.getValue("delivered") instanceof Boolean delivered) {
      outcome.put("delivered", delivered);
    }
    Instant now = clock.instant();
    return pool.withTransaction(connection -> store.finish(connection, exchange.accountId(), exchange.id(), status, outcome, now)
            .compose(done -> {
              List<Future<Void>> entries = new ArrayList<>();
              JsonObject verifier = new JsonObject().put("client_id", exchange.clientId());
              exchange.verifierName().ifPresent(name -> verifier.put("name", name));
              if (chosen.isEmpty()) {
                entries.add(activity.record(connection, exchange.accountId(), new ActivityLog.Entry(
                    ActivityLog.Kind.PRESENTATION_DECLINED, null, null, null,
                    new JsonObject().put("verifier", verifier).put("exchange", exchange.id().toString()))));
              }
              for (ConsentCheck.Chosen one : chosen) {
                JsonArray claims = new JsonArray();
                one.consented().forEach(path -> claims.add(path.toJson()));
                entries.add(activity.record(connection, exchange.accountId(), new ActivityLog.Entry(
                    failure == null ? ActivityLog.Kind.PRESENTATION_SENT : ActivityLog.Kind.PRESENTATION_FAILED,
                    one.candidate().id(), null, failure == null ? null : outcome.getString("reason"),
                    new JsonObject().put("verifier", verifier).put("exchange", exchange.id().toString())
                        .put("title", one.candidate().title()).put("claims", claims))));
              }
              return Future.all(entries);
            }))
        .compose(done -> find(exchange.accountId(), exchange.id()))
        .compose(this::view);
  }

  private Future<JsonObject> view(Exchange exchange) {
    JsonObject view = ExchangeViews.summary(exchange, clock.instant());
    if (!ExchangeStore.OPEN.equals(exchange.status()) || !clock.instant().isBefore(exchange.expiresAt())) {
      return Future.succeededFuture(view);
    }
    AuthorizationRequest request = AuthorizationRequest.read(exchange.request(), clock.instant());
    return candidates.match(exchange.accountId(), request.parsedQuery(), clock.instant())
        .compose(matched -> previews(exchange.accountId(), matched).compose(originals -> workers.crypto(
            () -> view.put("queries", ExchangeViews.queries(request.parsedQuery(), matched, originals, builder))
                .put("satisfiable", matched.match().satisfiable())
                .put("credential_sets", ExchangeViews.credentialSets(matched.match())))));
  }

  static PresentedCredential presented(Candidate candidate, DisclosedClaims disclosed) {
    return new PresentedCredential(candidate.dcql().format(), candidate.dcql().types(), candidate.issuer(),
        disclosed.claims(), true);
  }

  static boolean satisfies(CredentialQuery query, Candidate candidate, DisclosedClaims disclosed) {
    return DcqlResponseCheck.check(new DcqlQuery(List.of(query), List.of()),
        Map.of(query.id(), List.of(presented(candidate, disclosed)))).satisfied();
  }

  static List<ClaimsPath> requested(CredentialQueryMatch match, String credentialId) {
    return match.matches().stream().filter(candidate -> candidate.credentialId().equals(credentialId))
        .findFirst().map(CandidateMatch::disclosedClaims).orElse(List.of());
  }
}
