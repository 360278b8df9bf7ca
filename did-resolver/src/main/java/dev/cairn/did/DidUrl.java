package dev.cairn.did;

import java.util.Optional;

/**
 * A DID URL (DID Core §3.2): a DID with an optional path, query and fragment. Cairn dereferences fragments
 * (verification methods); paths and queries are parsed and kept but name no resource Cairn serves.
 */
public record DidUrl(Did did, String path, Optional<String> query, Optional<String> fragment) {

  public static DidUrl parse(String text) {
    if (text == null || text.length() > Did.MAX_LENGTH) {
      throw new DidResolutionException(DidError.INVALID_DID, "a DID URL has at most " + Did.MAX_LENGTH + " characters");
    }
    int hash = text.indexOf('#');
    String beforeFragment = hash < 0 ? text : text.substring(0, hash);
    Optional<String> fragment = hash < 0 ? Optional.empty() : Optional.of(text.substring(hash + 1));
    int question = beforeFragment.indexOf('?');
    String beforeQuery = question < 0 ? beforeFragment : beforeFragment.substring(0, question);
    Optional<String> query = question < 0 ? Optional.empty() : Optional.of(beforeFragment.substring(question + 1));
    int slash = beforeQuery.indexOf('/');
    String didPart = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
    String path = slash < 0 ? "" : beforeQuery.substring(slash);
    return new DidUrl(Did.parse(didPart), path, query, fragment);
  }

  /** The URL of the resource in the DID document: the DID followed by {@code #fragment}. */
  public String withoutPathAndQuery() {
    return did + fragment.map(f -> "#" + f).orElse("");
  }
}
