package dev.cairn.credentials.dcql;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** Credentials as DcqlMatcher and DcqlResponseCheck take them, for the tests. */
final class TestCredentials {
  static final String ISSUER = "did:web:issuer.example";

  private TestCredentials() {}

  /** An SD-JWT VC bound to a holder key the wallet has, from {@link #ISSUER}. */
  static DcqlCredential sdJwt(String id, String vct, String claims) {
    return new DcqlCredential(id, "dc+sd-jwt", List.of(vct), ISSUER, new JsonObject(claims), true);
  }

  static DcqlCredential w3c(String id, String format, List<String> types, String claims) {
    return new DcqlCredential(id, format, types, ISSUER, new JsonObject(claims), true);
  }

  /** An mdoc stood in as JSON {namespace: {element: value}} with its doctype as type. */
  static DcqlCredential mdoc(String id, String doctype, String namespaces) {
    return new DcqlCredential(id, "mso_mdoc", List.of(doctype), ISSUER, new JsonObject(namespaces), true);
  }

  static DcqlCredential issuedBy(DcqlCredential credential, String issuer) {
    return new DcqlCredential(credential.id(), credential.format(), credential.types(), issuer, credential.claims(),
        credential.cryptographicHolderBinding());
  }

  static DcqlCredential withoutHolderBinding(DcqlCredential credential) {
    return new DcqlCredential(credential.id(), credential.format(), credential.types(), credential.issuer(),
        credential.claims(), false);
  }

  /** The same credential as received by a verifier, disclosing these claims with a verified holder binding proof. */
  static PresentedCredential presented(DcqlCredential credential, String disclosedClaims) {
    return new PresentedCredential(credential.format(), credential.types(), credential.issuer(),
        new JsonObject(disclosedClaims), true);
  }

  static DcqlQuery query(String json) {
    return DcqlQuery.parse(new JsonObject(json));
  }
}
