package dev.cairn.credentials.dcql;

/**
 * A credential that does not satisfy a Credential Query, and the first rule it fails, for the holder's eyes only:
 * why a credential they expected to see is not offered. Never send it to the Verifier: the Privacy Consideration
 * "DCQL Value Matching" (§15) asks Wallets not to leak whether a claim value matched.
 */
public record CandidateRejection(String credentialId, String reason) {}
