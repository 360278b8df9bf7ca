package dev.cairn.did.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.did.Did;
import dev.cairn.did.DidError;
import dev.cairn.did.DidResolutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The did:web spec's examples of DID to URL transformation (§"Read (Resolve)"). */
class DidWebUrlTest {

  @ParameterizedTest
  @CsvSource({
      "did:web:w3c-ccg.github.io, https://w3c-ccg.github.io/.well-known/did.json",
      "did:web:w3c-ccg.github.io:user:alice, https://w3c-ccg.github.io/user/alice/did.json",
      "did:web:example.com%3A3000:user:alice, https://example.com:3000/user/alice/did.json",
      "did:web:Example.COM, https://example.com/.well-known/did.json"})
  void mapsTheSpecExamples(String did, String url) {
    assertEquals(url, DidWebUrl.of(Did.parse(did)).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"did:web:example.com%3A0", "did:web:example.com%3A70000", "did:web:example.com%3Ahttp",
      "did:web:example.com:..:secrets", "did:web:-bad-.example", "did:web:example.com%2Fpath", "did:web:a..b"})
  void refusesHostsPortsAndPathsThatAreNotPlain(String did) {
    DidResolutionException refused = assertThrows(DidResolutionException.class, () -> DidWebUrl.of(Did.parse(did)));
    assertEquals(DidError.INVALID_DID, refused.error());
  }

  /** §"Create (Register)": the spec's examples read backwards, from the URL to the DID. */
  @ParameterizedTest
  @CsvSource({
      "https://w3c-ccg.github.io, did:web:w3c-ccg.github.io",
      "https://w3c-ccg.github.io/user/alice, did:web:w3c-ccg.github.io:user:alice",
      "https://example.com:3000/user/alice/, did:web:example.com%3A3000:user:alice",
      "https://Example.COM/, did:web:example.com"})
  void makesTheDidOfAnHttpsUrl(String url, String did) {
    assertEquals(did, DidWebUrl.didOf(java.net.URI.create(url)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://example.com", "https://127.0.0.1", "https://example.com/a%2Fb"})
  void makesNoDidOfAPlainHttpAddressOrEscapedUrl(String url) {
    assertThrows(DidResolutionException.class, () -> DidWebUrl.didOf(java.net.URI.create(url)));
  }
}
