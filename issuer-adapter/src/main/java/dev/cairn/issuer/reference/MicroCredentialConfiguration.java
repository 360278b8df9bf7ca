package dev.cairn.issuer.reference;

import dev.cairn.issuer.oid4vci.OpenId4Vci;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Optional;

/**
 * The Credential Configurations the reference issuer offers (§12.2.4 {@code credential_configurations_supported}):
 * one Open Badges 3.0 micro-credential, in each format and securing mechanism Cairn verifies.
 */
enum MicroCredentialConfiguration {
  /** Appendix A.3: SD-JWT VC, the learner's name, email and results selectively disclosable, bound by {@code cnf}. */
  SD_JWT("MicroCredential_dc+sd-jwt", OpenId4Vci.FORMAT_SD_JWT_VC, "ES256"),
  /** Appendix A.1.1: a VCDM credential in a JWT's {@code vc} claim, bound by the subject's DID. */
  JWT_VC_JSON("MicroCredential_jwt_vc_json", OpenId4Vci.FORMAT_JWT_VC_JSON, "ES256"),
  /** Appendix A.1.2: Data Integrity eddsa-rdfc-2022, bound by the subject's DID. */
  LDP_VC_EDDSA("MicroCredential_ldp_vc_eddsa-rdfc-2022", OpenId4Vci.FORMAT_LDP_VC, "eddsa-rdfc-2022"),
  /** Appendix A.1.2: Data Integrity ecdsa-sd-2023 (a base proof the holder derives from), bound by the subject's DID. */
  LDP_VC_ECDSA_SD("MicroCredential_ldp_vc_ecdsa-sd-2023", OpenId4Vci.FORMAT_LDP_VC, "ecdsa-sd-2023");

  static final String VCDM2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
  static final String OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
  static final JsonArray TYPES = new JsonArray().add("VerifiableCredential").add("OpenBadgeCredential");

  private final String id;
  private final String format;
  private final String signingAlgorithm;

  MicroCredentialConfiguration(String id, String format, String signingAlgorithm) {
    this.id = id;
    this.format = format;
    this.signingAlgorithm = signingAlgorithm;
  }

  String id() {
    return id;
  }

  String format() {
    return format;
  }

  static Optional<MicroCredentialConfiguration> byId(String id) {
    return Arrays.stream(values()).filter(configuration -> configuration.id.equals(id)).findFirst();
  }

  /** The SD-JWT VC type (SD-JWT VC §3.2.2.2 {@code vct}) of the micro-credential. */
  static String vct(ReferenceIssuerConfig config) {
    return config.base() + "/credentials/micro-credential";
  }

  /** This configuration's object in {@code credential_configurations_supported} (§12.2.4 and Appendix A). */
  JsonObject metadata(ReferenceIssuerConfig config) {
    JsonObject metadata = new JsonObject()
        .put("format", format)
        .put("scope", id)
        .put("credential_signing_alg_values_supported", new JsonArray().add(signingAlgorithm))
        .put("cryptographic_binding_methods_supported", this == SD_JWT
            ? new JsonArray().add("jwk").add("did:jwk").add("did:key")
            : new JsonArray().add("did:jwk").add("did:key"))
        .put("proof_types_supported", new JsonObject().put(OpenId4Vci.PROOF_TYPE_JWT, new JsonObject()
            .put("proof_signing_alg_values_supported", new JsonArray().add("ES256").add("EdDSA"))))
        .put("credential_metadata", new JsonObject().put("display", display()).put("claims", claims()));
    switch (this) {
      case SD_JWT -> metadata.put("vct", vct(config));
      case JWT_VC_JSON -> metadata.put("credential_definition", new JsonObject().put("type", TYPES.copy()));
      case LDP_VC_EDDSA, LDP_VC_ECDSA_SD -> metadata.put("credential_definition", new JsonObject()
          .put("@context", new JsonArray().add(VCDM2_CONTEXT).add(OB3_CONTEXT)).put("type", TYPES.copy()));
    }
    return metadata;
  }

  private static JsonArray display() {
    return new JsonArray().add(new JsonObject()
        .put("name", "Micro-credential")
        .put("locale", "en-GB")
        .put("description", "An Open Badges 3.0 micro-credential from the Cairn Reference Academy")
        .put("background_color", "#1b4332")
        .put("text_color", "#ffffff"));
  }

  /**
   * Appendix B.2: the claims a wallet shows, in the order it shows them; each claim once (a repeated path makes a
   * wallet abort processing).
   */
  private JsonArray claims() {
    if (this == SD_JWT) {
      return new JsonArray().add(claim(path("achievement", "name"), "Achievement"))
          .add(claim(path("name"), "Learner")).add(claim(path("email"), "Email"));
    }
    return new JsonArray().add(claim(path("credentialSubject", "achievement", "name"), "Achievement"))
        .add(claim(path("credentialSubject", "identifier"), "Learner"));
  }

  private static JsonObject claim(JsonArray path, String name) {
    return new JsonObject().put("path", path)
        .put("display", new JsonArray().add(new JsonObject().put("name", name).put("locale", "en-GB")));
  }

  private static JsonArray path(String... names) {
    JsonArray path = new JsonArray();
    for (String name : names) {
      path.add(name);
    }
    return path;
  }
}
