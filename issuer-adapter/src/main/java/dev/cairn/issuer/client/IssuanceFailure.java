package dev.cairn.issuer.client;

import dev.cairn.credentials.CheckResult;
import dev.cairn.did.fetch.FetchException;
import java.net.URI;

/**
 * Why an issuance step failed, as a closed set: the wallet maps each to what the learner sees. Grouped by concern —
 * the offer, the issuer's metadata, the network, the grant, the credential itself.
 */
public sealed interface IssuanceFailure {

  /** A short, stable code for logs, audit rows and problem types. */
  String code();

  /** Human detail; never holds a token, code or nonce. */
  String detail();

  /** §4.1: the offer is not a Credential Offer this wallet can act on. */
  record OfferInvalid(String detail) implements IssuanceFailure {
    public String code() { return "offer-invalid"; }
  }

  /** §12.2.2 / RFC 8414 §3.3: metadata missing, malformed, or naming an identifier other than the one it was fetched for. */
  record MetadataInvalid(String detail) implements IssuanceFailure {
    public String code() { return "metadata-invalid"; }
  }

  /** Something the issuer requires that Cairn does not do (encrypted requests, a grant, a proof type). */
  record Unsupported(String detail) implements IssuanceFailure {
    public String code() { return "unsupported"; }
  }

  /** The hardened client refused or could not complete a fetch (private address, size, time, TLS, status...). */
  record FetchFailed(FetchException.Reason reason, URI uri, String detail) implements IssuanceFailure {
    public String code() { return "fetch-" + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
  }

  /** §4.1.1: the offer needs a Transaction Code and none was given. */
  record TxCodeRequired(String detail) implements IssuanceFailure {
    public String code() { return "tx-code-required"; }
  }

  /** §6.3: the Token Endpoint refused (a wrong tx_code is {@code invalid_grant}). */
  record TokenRefused(String error, String detail) implements IssuanceFailure {
    public String code() { return "token-" + error; }
  }

  /**
   * RFC 6749 §4.1.2.1 / RFC 9126 §2.3: the Authorization Server refused the Authorization Request or the learner
   * declined ({@code access_denied}).
   */
  record AuthorizationRefused(String error, String detail) implements IssuanceFailure {
    public String code() { return "authorization-" + error; }
  }

  /**
   * The Authorization Response does not answer the request this wallet made: another {@code state} (RFC 6749
   * §10.12), another {@code iss} (RFC 9207 §2.4), another redirect URI, or no code.
   */
  record AuthorizationResponseInvalid(String detail) implements IssuanceFailure {
    public String code() { return "authorization-response-invalid"; }
  }

  /** §8.3.1 / §9.3: the Credential or Deferred Credential Endpoint refused. */
  record CredentialRefused(String error, String detail) implements IssuanceFailure {
    public String code() { return "credential-" + error; }
  }

  /** The received credential failed the same verification as an import; {@code check} names why. */
  record CredentialInvalid(CheckResult check, String detail) implements IssuanceFailure {
    public String code() { return "credential-invalid"; }
  }

  /** The received credential is not bound to a key this wallet proved possession of (§8.1). */
  record NotBoundToProofKey(String detail) implements IssuanceFailure {
    public String code() { return "credential-not-bound"; }
  }
}
