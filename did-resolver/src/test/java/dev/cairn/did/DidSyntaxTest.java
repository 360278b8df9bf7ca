package dev.cairn.did;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DID Core §3.1 and §3.2. */
class DidSyntaxTest {

  @Test
  void parsesMethodAndMethodSpecificId() {
    Did did = Did.parse("did:web:example.com%3A8443:issuers:acme");
    assertEquals("web", did.method());
    assertEquals("example.com%3A8443:issuers:acme", did.methodSpecificId());
    assertEquals("did:web:example.com%3A8443:issuers:acme", did.toString());
  }

  @Test
  void parsesADidUrlIntoItsParts() {
    DidUrl url = DidUrl.parse("did:example:123/path/to?versionId=1#key-1");
    assertEquals("did:example:123", url.did().toString());
    assertEquals("/path/to", url.path());
    assertEquals(Optional.of("versionId=1"), url.query());
    assertEquals(Optional.of("key-1"), url.fragment());
    assertEquals("did:example:123#key-1", url.withoutPathAndQuery());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "did:", "did:web", "did::abc", "did:WEB:example.com", "did:web:", "did:web:exa mple",
      "did:web:example.com:", "did:web:%zz", "urn:uuid:123", "did:key:z6Mk\u00e9"})
  void refusesWhatIsNotADid(String text) {
    DidResolutionException refused = assertThrows(DidResolutionException.class, () -> Did.parse(text));
    assertEquals(DidError.INVALID_DID, refused.error());
  }

  @Test
  void refusesAnOverlongDidBeforeParsingIt() {
    DidResolutionException refused = assertThrows(DidResolutionException.class,
        () -> Did.parse("did:key:z" + "a".repeat(5000)));
    assertEquals(DidError.INVALID_DID, refused.error());
  }
}
