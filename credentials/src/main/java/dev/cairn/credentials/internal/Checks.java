package dev.cairn.credentials.internal;

import dev.cairn.credentials.Check;
import dev.cairn.credentials.CheckResult;
import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.PresentationResult;
import dev.cairn.credentials.VerificationException;
import dev.cairn.credentials.VerificationResult;
import dev.cairn.credentials.VerifiedCredential;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects one result per {@link Check} while a pipeline runs. When a step fails, every check not yet decided is
 * recorded as skipped because of it, so a result always lists all seven checks and none is skipped silently.
 */
public final class Checks {
  private final Optional<CredentialFormat> format;
  private final Map<Check, CheckResult> results = new EnumMap<>(Check.class);

  public Checks(CredentialFormat format) {
    this.format = Optional.of(format);
  }

  private Checks() {
    this.format = Optional.empty();
  }

  /** The result for input whose format could not even be told. */
  public static VerificationResult unrecognised(VerificationException failure) {
    return new Checks().stoppedBy(failure);
  }

  public Checks record(CheckResult result) {
    results.put(result.check(), result);
    return this;
  }

  public Checks passed(Check check, String detail) {
    return record(CheckResult.passed(check, detail));
  }

  /** The result of a pipeline that stopped at {@code failure}. */
  public VerificationResult stoppedBy(VerificationException failure) {
    CheckResult failed = failure.asCheck();
    results.put(failed.check(), failed);
    List<CheckResult> all = new ArrayList<>();
    for (Check check : Check.values()) {
      all.add(results.getOrDefault(check, CheckResult.notReached(check, failed.check())));
    }
    return new VerificationResult(format, all, Optional.empty());
  }

  /** A presentation refused at {@code failure}: its checks so far, no holder, no credentials. */
  public PresentationResult presentationStoppedBy(VerificationException failure) {
    VerificationResult stopped = stoppedBy(failure);
    return new PresentationResult(stopped.format(), stopped.checks(), Optional.empty(), List.of());
  }

  public VerificationResult completed(VerifiedCredential credential) {
    return new VerificationResult(format, all(), Optional.of(credential));
  }

  /** Every check, in order; each must have been decided. */
  public List<CheckResult> all() {
    List<CheckResult> all = new ArrayList<>();
    for (Check check : Check.values()) {
      CheckResult result = results.get(check);
      if (result == null) {
        throw new IllegalStateException("pipeline left " + check + " undecided");
      }
      all.add(result);
    }
    return all;
  }

  public Optional<CredentialFormat> format() {
    return format;
  }
}
