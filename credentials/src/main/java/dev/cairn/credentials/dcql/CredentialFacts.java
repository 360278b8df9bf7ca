package dev.cairn.credentials.dcql;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What a Credential Query is checked against, the same for a credential in the wallet ({@link DcqlCredential}) and
 * one received in a presentation ({@link PresentedCredential}), so both sides apply the same rules.
 */
record CredentialFacts(String format, List<String> types, String issuer, JsonObject claims, boolean holderBinding) {}
