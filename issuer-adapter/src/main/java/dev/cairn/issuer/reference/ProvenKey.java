package dev.cairn.issuer.reference;

import com.nimbusds.jose.jwk.JWK;

/**
 * A holder key a key proof proved possession of: its public JWK (what {@code cnf} binds an SD-JWT VC to), the DID
 * a W3C credential's subject becomes (the proof's {@code kid} DID, or the did:jwk of its {@code jwk}), and the
 * {@code c_nonce} the proof carried.
 */
record ProvenKey(JWK publicKey, String holderDid, String nonce) {}
