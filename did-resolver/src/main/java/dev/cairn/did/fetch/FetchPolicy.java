package dev.cairn.did.fetch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The limits every outbound fetch of Cairn obeys. Each value is a named setting of the server
 * (CAIRN_HTTP_FETCH_TIMEOUT_MS, CAIRN_HTTP_FETCH_MAX_BYTES, CAIRN_HTTP_FETCH_MAX_CONCURRENT,
 * CAIRN_HTTP_ALLOW_PRIVATE_HOSTS, CAIRN_HTTP_TRUST_PEM).
 *
 * @param deadline            one deadline for the whole fetch: name resolution, connect, TLS, headers and body
 * @param maxBodyBytes        larger bodies are cut off while they are read
 * @param maxConcurrent       fetches in flight at once; more wait in a bounded queue
 * @param allowedPrivateHosts host names (or literal addresses) that may resolve to loopback or private
 *                            addresses, and may be fetched over plain HTTP — for development and tests only
 * @param extraTrustPem       a PEM file of certificates trusted in addition to the JDK's own
 */
public record FetchPolicy(Duration deadline, int maxBodyBytes, int maxConcurrent, Set<String> allowedPrivateHosts,
                          Optional<Path> extraTrustPem) {

  public FetchPolicy {
    allowedPrivateHosts = Set.copyOf(allowedPrivateHosts);
    if (deadline.isNegative() || deadline.isZero() || maxBodyBytes < 1 || maxConcurrent < 1) {
      throw new IllegalArgumentException("fetch limits must be positive");
    }
  }

  public static FetchPolicy defaults() {
    return new FetchPolicy(Duration.ofSeconds(5), 256 * 1024, 32, Set.of(), Optional.empty());
  }

  public FetchPolicy allowingPrivateHosts(Set<String> hosts) {
    return new FetchPolicy(deadline, maxBodyBytes, maxConcurrent, hosts, extraTrustPem);
  }

  public FetchPolicy trusting(Path pem) {
    return new FetchPolicy(deadline, maxBodyBytes, maxConcurrent, allowedPrivateHosts, Optional.of(pem));
  }

  public FetchPolicy withDeadline(Duration newDeadline) {
    return new FetchPolicy(newDeadline, maxBodyBytes, maxConcurrent, allowedPrivateHosts, extraTrustPem);
  }

  public FetchPolicy withMaxBodyBytes(int bytes) {
    return new FetchPolicy(deadline, bytes, maxConcurrent, allowedPrivateHosts, extraTrustPem);
  }
}
