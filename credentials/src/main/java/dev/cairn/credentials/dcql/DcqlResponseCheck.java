package dev.cairn.credentials.dcql;

import dev.cairn.credentials.dcql.CheckOutcome.Unsatisfied;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The verifier side of DCQL: whether the presentations received for a query satisfy it. The Verifier "MUST NOT rely
 * on the Wallet to enforce these constraints" (§14, "Security Checks on the Returned Credentials and Presentations"),
 * so every rule is checked again here, on the claims each presentation actually disclosed.
 *
 * <p>The steps of §8.6 "VP Token Validation" after each presentation has been verified:
 *
 * <ol>
 *   <li>The VP Token's shape (§8.1): every key is a Credential Query id, every entry holds one or more presentations,
 *       and only one unless the query says {@code multiple}. A violation rejects the whole VP Token.
 *   <li>Each presentation against its Credential Query: format, {@code meta}, Holder Binding, {@code
 *       trusted_authorities}, and the requested claims and {@code values} on what was disclosed. A presentation that
 *       fails "MUST be discarded"; the others stand.
 *   <li>The remaining presentations against §6.4.2: every Credential Query when there are no {@code credential_sets},
 *       otherwise every required set through one of its options.
 * </ol>
 *
 * Verifying the presentations themselves (signatures, nonce, audience, status, issuer trust) is done before, by the
 * verification pipeline.
 */
public final class DcqlResponseCheck {
  private DcqlResponseCheck() {}

  /**
   * The verdict on a VP Token.
   *
   * @param satisfied whether the VP Token is well formed and its accepted presentations satisfy the query
   * @param acceptedPresentations per Credential Query id, the positions of its presentations that satisfy it; only
   *     these may be used
   * @param problems every rule broken, in order: the VP Token's shape, discarded presentations, unmet requirements
   */
  public record Result(boolean satisfied, Map<String, List<Integer>> acceptedPresentations, List<String> problems) {
    public Result {
      Map<String, List<Integer>> copy = new LinkedHashMap<>();
      acceptedPresentations.forEach((id, positions) -> copy.put(id, List.copyOf(positions)));
      acceptedPresentations = Collections.unmodifiableMap(copy);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Checks a VP Token, given as the verified presentations under each Credential Query id (the {@code vp_token}
   * keys), each list in the order of the {@code vp_token} array.
   */
  public static Result check(DcqlQuery query, Map<String, List<PresentedCredential>> vpToken) {
    Objects.requireNonNull(query, "query");
    List<String> problems = new ArrayList<>();
    boolean wellFormed = true;
    for (String id : new TreeSet<>(vpToken.keySet())) {
      if (query.credential(id).isEmpty()) {
        problems.add("vp_token \"" + id + "\": not the id of any Credential Query");
        wellFormed = false;
      }
    }
    Map<String, List<Integer>> accepted = new LinkedHashMap<>();
    for (CredentialQuery credentialQuery : query.credentials()) {
      List<PresentedCredential> presentations = vpToken.get(credentialQuery.id());
      if (presentations == null) {
        continue;
      }
      Optional<String> malformed = malformed(credentialQuery, presentations);
      if (malformed.isPresent()) {
        problems.add(malformed.get());
        wellFormed = false;
        continue;
      }
      List<Integer> satisfying = satisfying(credentialQuery, presentations, problems);
      if (!satisfying.isEmpty()) {
        accepted.put(credentialQuery.id(), satisfying);
      }
    }
    boolean required = requirementsMet(query, accepted.keySet(), problems);
    return new Result(wellFormed && required, accepted, problems);
  }

  /** §8.1: "an array of one or more Presentations"; "When multiple is omitted, or set to false, ... only one". */
  private static Optional<String> malformed(CredentialQuery query, List<PresentedCredential> presentations) {
    String entry = "vp_token \"" + query.id() + "\": ";
    if (presentations.isEmpty()) {
      return Optional.of(entry + "must hold one or more presentations");
    }
    if (presentations.size() > 1 && !query.multiple()) {
      return Optional.of(entry + presentations.size()
          + " presentations, but the Credential Query does not set multiple, so only one is allowed");
    }
    return Optional.empty();
  }

  /** §8.6 step 2: each presentation is checked on its own; one that fails is discarded. */
  private static List<Integer> satisfying(CredentialQuery query, List<PresentedCredential> presentations,
      List<String> problems) {
    List<Integer> satisfying = new ArrayList<>();
    for (int i = 0; i < presentations.size(); i++) {
      CheckOutcome outcome = CredentialQueryCheck.check(query, presentations.get(i).facts());
      if (outcome instanceof Unsatisfied unsatisfied) {
        problems.add("vp_token \"" + query.id() + "\" presentation " + i + " discarded: " + unsatisfied.reason());
      } else {
        satisfying.add(i);
      }
    }
    return satisfying;
  }

  /** §8.6 step 3 with the rules of §6.4.2. */
  private static boolean requirementsMet(DcqlQuery query, Set<String> answered, List<String> problems) {
    List<CredentialSetMatch> sets = CredentialSetCheck.evaluate(query.credentialSets(), answered);
    if (query.credentialSets().isEmpty()) {
      for (CredentialQuery credential : query.credentials()) {
        if (!answered.contains(credential.id())) {
          problems.add("Credential Query \"" + credential.id() + "\": no presentation satisfies it, and without "
              + "credential_sets every Credential Query is required");
        }
      }
    } else {
      for (CredentialSetMatch set : sets) {
        if (set.required() && !set.satisfied()) {
          problems.add("credential_sets[" + set.index() + "]: required, and no option is satisfied ("
              + missing(set.options(), answered) + ")");
        }
      }
    }
    return CredentialSetCheck.satisfied(query, answered, sets);
  }

  private static String missing(List<List<String>> options, Set<String> answered) {
    List<String> parts = new ArrayList<>(options.size());
    for (List<String> option : options) {
      Set<String> lacking = new HashSet<>(option);
      lacking.removeAll(answered);
      parts.add(option + " lacks " + String.join(", ", new TreeSet<>(lacking)));
    }
    return String.join("; ", parts);
  }
}
