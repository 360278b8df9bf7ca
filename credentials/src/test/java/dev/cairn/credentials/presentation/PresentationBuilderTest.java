package dev.cairn.credentials.presentation;

import static dev.cairn.credentials.presentation.Fixtures.AUDIENCE;
import static dev.cairn.credentials.presentation.Fixtures.CANONICALIZER;
import static dev.cairn.credentials.presentation.Fixtures.CLOCK;
import static dev.cairn.credentials.presentation.Fixtures.NONCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.presentation.PresentationException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the builder refuses whatever the format. */
class PresentationBuilderTest {
  private static final PresentationBuilder BUILDER = new PresentationBuilder(CLOCK, CANONICALIZER);
  private static final Holder HOLDER = Fixtures.p256Holder();

  private static Reason refusal(String credential, CredentialFormat format) {
    return assertThrows(PresentationException.class,
        () -> BUILDER.build(credential, format, List.of(), HOLDER, NONCE, AUDIENCE)).reason();
  }

  @Test
  void aPresentationIsNotACredentialToPresent() {
    assertEquals(Reason.UNSUPPORTED_FORMAT, refusal("{}", CredentialFormat.LDP_VP));
    assertEquals(Reason.UNSUPPORTED_FORMAT, refusal("e30.e30.sig", CredentialFormat.VP_JWT));
  }

  @Test
  void bytesThatAreNotTheNamedFormatAreUnreadable() {
    String sdJwt = Fixtures.SD_JWT_VC.issueTo(HOLDER);

    assertEquals(Reason.UNREADABLE_CREDENTIAL, refusal("not a credential", CredentialFormat.SD_JWT_VC));
    assertEquals(Reason.UNREADABLE_CREDENTIAL, refusal("not a credential", CredentialFormat.JWT_VC_JSON));
    assertEquals(Reason.UNREADABLE_CREDENTIAL, refusal("{\"no\": \"proof\"}", CredentialFormat.LDP_VC));
    assertEquals(Reason.UNREADABLE_CREDENTIAL, refusal(sdJwt + "bm90LWEtZGlzY2xvc3VyZQ~", CredentialFormat.SD_JWT_VC));
  }

  @Test
  void aPresentationNeedsTheVerifiersNonceAndAudience() {
    String credential = Fixtures.VC_JWT.issueTo(HOLDER);

    assertThrows(IllegalArgumentException.class,
        () -> BUILDER.build(credential, CredentialFormat.VC_JWT, List.of(), HOLDER, "", AUDIENCE));
    assertThrows(IllegalArgumentException.class,
        () -> BUILDER.build(credential, CredentialFormat.VC_JWT, List.of(), HOLDER, NONCE, null));
  }
}
