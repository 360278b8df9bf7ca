package dev.cairn.credentials;

import dev.cairn.credentials.jsonld.CanonicalizationLimits;
import dev.cairn.credentials.jsonld.PinnedContexts;
import dev.cairn.credentials.jsonld.RdfCanonicalizer;
import dev.cairn.did.DidResolver;
import dev.cairn.did.fetch.FetchPolicy;
import dev.cairn.did.fetch.HardenedFetch;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link CredentialVerifier} as the tests use it: its own Vert.x, the real resolver and hardened fetch, a
 * two-thread crypto pool and the test's clock. Register it as a static extension
 * ({@code @RegisterExtension static final VerifierUnderTest VERIFIER = new VerifierUnderTest(CLOCK);}); Vert.x is
 * started before the class's first test and closed after its last.
 */
public final class VerifierUnderTest implements BeforeAllCallback, AfterAllCallback {
  private final Clock clock;
  private final RdfCanonicalizer canonicalizer;
  private Vertx vertx;
  private CredentialVerifier verifier;

  /** With the bundled contexts and the default canonicalization limits. */
  public VerifierUnderTest(Clock clock) {
    this(clock, new RdfCanonicalizer(PinnedContexts.bundled(), CanonicalizationLimits.DEFAULT));
  }

  public VerifierUnderTest(Clock clock, RdfCanonicalizer canonicalizer) {
    this.clock = clock;
    this.canonicalizer = canonicalizer;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    vertx = Vertx.vertx();
    HardenedFetch fetch = new HardenedFetch(vertx, FetchPolicy.defaults());
    verifier = new CredentialVerifier(DidResolver.create(fetch, clock), fetch,
        vertx.createSharedWorkerExecutor("test-crypto", 2), clock, canonicalizer);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    vertx.close();
  }

  public Future<VerificationResult> verify(String credential, VerificationPolicy policy) {
    return verifier.verify(credential, policy);
  }

  public Future<PresentationResult> verifyPresentation(String presentation, VerificationPolicy policy) {
    return verifier.verifyPresentation(presentation, policy);
  }
}
