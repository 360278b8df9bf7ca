package dev.cairn.credentials.dcql;


import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * The {@code meta} member of a Credential Query (OpenID4VP 1.0 §6.1): constraints on the Credential's metadata,
 * "defined per Credential Format" in Appendix B. Each format's REQUIRED member is checked when the query is read
 * ({@link MetaParameters}); members a format does not define are ignored (§6: "Implementations MUST ignore any
 * unknown properties").
 */
public sealed interface CredentialMeta {
  /**
   * Whether a credential of the query's format with these types satisfies this meta; empty when it does, else
   * why not.
   */
  Optional<String> mismatch(List<String> types);

  /** Appendix B.3.5 ({@code dc+sd-jwt}): the credential's {@code vct} must be one of {@code vct_values}. */
  record SdJwtVc(List<String> vctValues) implements CredentialMeta {
    public SdJwtVc {
      vctValues = List.copyOf(vctValues);
    }

    /**
     * Only exact values: the spec lets a Wallet also return types that inherit from one of them (SD-JWT VC type
     * metadata {@code extends}), which needs type metadata this library does not resolve.
     */
    @Override
    public Optional<String> mismatch(List<String> types) {
      return types.stream().anyMatch(vctValues::contains)
          ? Optional.empty()
          : Optional.of("vct " + new JsonArray(types) + " is not one of meta.vct_values " + new JsonArray(vctValues));
    }
  }

  /**
   * Appendix B.1.1 ({@code jwt_vc_json}, {@code ldp_vc}): each inner array of {@code type_values} is one
   * alternative, a set of fully expanded types that "MUST be present in the fully expanded types in the type
   * property of the Verifiable Credential, regardless of order or the presence of additional types".
   */
  record W3cVc(List<List<String>> typeValues) implements CredentialMeta {
    public W3cVc {
      typeValues = typeValues.stream().map(List::copyOf).toList();
    }

    @Override
    public Optional<String> mismatch(List<String> types) {
      return typeValues.stream().anyMatch(types::containsAll)
          ? Optional.empty()
          : Optional.of("types " + new JsonArray(types) + " include no alternative of meta.type_values "
              + new JsonArray(typeValues.stream().map(JsonArray::new).toList()));
    }
  }

  /** Appendix B.2.3 ({@code mso_mdoc}): the credential's doctype must be {@code doctype_value}. */
  record Mdoc(String doctypeValue) implements CredentialMeta {
    @Override
    public Optional<String> mismatch(List<String> types) {
      return types.contains(doctypeValue)
          ? Optional.empty()
          : Optional.of("doctype " + new JsonArray(types) + " is not meta.doctype_value " + doctypeValue);
    }
  }

  /** A format for which OpenID4VP 1.0 defines no meta parameters: the members are kept, none constrains. */
  record Unconstrained(JsonObject members) implements CredentialMeta {
    public Unconstrained {
      members = members.copy();
    }

    @Override
    public Optional<String> mismatch(List<String> types) {
      return Optional.empty();
    }
  }
}
