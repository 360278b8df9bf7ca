package dev.cairn.credentials.dcql;

import static dev.cairn.credentials.dcql.DcqlException.Reason.CLAIM_SETS_WITHOUT_CLAIMS;
import static dev.cairn.credentials.dcql.DcqlException.Reason.DUPLICATE_CLAIM;
import static dev.cairn.credentials.dcql.DcqlException.Reason.DUPLICATE_ID;
import static dev.cairn.credentials.dcql.DcqlException.Reason.MISSING_CLAIM_ID;
import static dev.cairn.credentials.dcql.DcqlException.Reason.UNKNOWN_CLAIM_ID;
import static dev.cairn.credentials.dcql.OpenId4Vp.CLAIMS;
import static dev.cairn.credentials.dcql.OpenId4Vp.CLAIM_SETS;
import static dev.cairn.credentials.dcql.OpenId4Vp.FORMAT;
import static dev.cairn.credentials.dcql.OpenId4Vp.ID;
import static dev.cairn.credentials.dcql.OpenId4Vp.META;
import static dev.cairn.credentials.dcql.OpenId4Vp.MULTIPLE;
import static dev.cairn.credentials.dcql.OpenId4Vp.REQUIRE_CRYPTOGRAPHIC_HOLDER_BINDING;
import static dev.cairn.credentials.dcql.OpenId4Vp.TRUSTED_AUTHORITIES;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Credential Query (OpenID4VP 1.0 §6.1): a request for one Credential (or several, with {@code multiple}) of a
 * format, with metadata constraints, accepted issuers, and the claims wanted. An absent {@code claims}, {@code
 * claim_sets} or {@code trusted_authorities} is an empty list here (the spec makes each non-empty when present).
 *
 * @param id identifies the Credential in the response ({@code vp_token}) and in {@code credential_sets}
 * @param format the Credential Format Identifier (Appendix B), such as {@code dc+sd-jwt}
 * @param multiple whether more than one Credential may be returned; {@code false} when omitted
 * @param meta the format's metadata constraints
 * @param trustedAuthorities accepted authorities, one of which every returned Credential should match
 * @param requireCryptographicHolderBinding whether a Cryptographic Holder Binding proof is required; {@code true}
 *     when omitted
 * @param claims the claims requested
 * @param claimSets alternative combinations of claim ids, most preferred first
 */
public record CredentialQuery(
    String id,
    String format,
    boolean multiple,
    CredentialMeta meta,
    List<TrustedAuthority> trustedAuthorities,
    boolean requireCryptographicHolderBinding,
    List<ClaimsQuery> claims,
    List<List<String>> claimSets) {

  public CredentialQuery {
    trustedAuthorities = List.copyOf(trustedAuthorities);
    claims = List.copyOf(claims);
    claimSets = claimSets.stream().map(List::copyOf).toList();
  }

  /** The Claims Query with this id. */
  public Optional<ClaimsQuery> claim(String claimId) {
    return claims.stream().filter(claim -> claim.id().filter(claimId::equals).isPresent()).findFirst();
  }

  /** The entries of {@code trusted_authorities} whose type Cairn cannot evaluate (§6.1.1). */
  public List<TrustedAuthority> unsupportedTrustedAuthorities() {
    return trustedAuthorities.stream().filter(authority -> !authority.supported()).toList();
  }

  static CredentialQuery parse(Object value, String member) {
    JsonObject json = JsonMembers.object(value, member);
    String id = JsonMembers.id(JsonMembers.required(json, ID, member), JsonMembers.member(member, ID));
    String format = JsonMembers.nonEmptyString(
        JsonMembers.required(json, FORMAT, member), JsonMembers.member(member, FORMAT));
    boolean multiple = json.containsKey(MULTIPLE)
        && JsonMembers.bool(json.getValue(MULTIPLE), JsonMembers.member(member, MULTIPLE));
    CredentialMeta meta = MetaParameters.parse(format, JsonMembers.required(json, META, member),
        JsonMembers.member(member, META));
    boolean holderBinding = !json.containsKey(REQUIRE_CRYPTOGRAPHIC_HOLDER_BINDING) || JsonMembers.bool(
        json.getValue(REQUIRE_CRYPTOGRAPHIC_HOLDER_BINDING),
        JsonMembers.member(member, REQUIRE_CRYPTOGRAPHIC_HOLDER_BINDING));
    List<ClaimsQuery> claims = claims(json, member);
    List<List<String>> claimSets = claimSets(json, member, claims);
    return new CredentialQuery(id, format, multiple, meta, trustedAuthorities(json, member), holderBinding, claims,
        claimSets);
  }

  private static List<TrustedAuthority> trustedAuthorities(JsonObject json, String member) {
    if (!json.containsKey(TRUSTED_AUTHORITIES)) {
      return List.of();
    }
    String authoritiesMember = JsonMembers.member(member, TRUSTED_AUTHORITIES);
    JsonArray array = JsonMembers.nonEmptyArray(json.getValue(TRUSTED_AUTHORITIES), authoritiesMember);
    List<TrustedAuthority> authorities = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      authorities.add(TrustedAuthority.parse(array.getValue(i), JsonMembers.element(authoritiesMember, i)));
    }
    return authorities;
  }

  /** §6.1 and §6.3: a non-empty array, ids unique within it, and no claim pointed to twice. */
  private static List<ClaimsQuery> claims(JsonObject json, String member) {
    if (!json.containsKey(CLAIMS)) {
      return List.of();
    }
    String claimsMember = JsonMembers.member(member, CLAIMS);
    JsonArray array = JsonMembers.nonEmptyArray(json.getValue(CLAIMS), claimsMember);
    List<ClaimsQuery> claims = new ArrayList<>(array.size());
    Map<String, Integer> ids = new HashMap<>();
    Map<ClaimsPath, Integer> paths = new HashMap<>();
    for (int i = 0; i < array.size(); i++) {
      String claimMember = JsonMembers.element(claimsMember, i);
      ClaimsQuery claim = ClaimsQuery.parse(array.getValue(i), claimMember);
      if (claim.id().isPresent()) {
        Integer sameId = ids.putIfAbsent(claim.id().get(), i);
        if (sameId != null) {
          throw new DcqlException(DUPLICATE_ID, JsonMembers.member(claimMember, ID),
              "\"" + claim.id().get() + "\" is already the id of " + JsonMembers.element(claimsMember, sameId));
        }
      }
      Integer earlier = paths.putIfAbsent(claim.path(), i);
      if (earlier != null) {
        throw new DcqlException(DUPLICATE_CLAIM, JsonMembers.member(claimMember, OpenId4Vp.PATH),
            claim.path() + " points to the same claim as " + JsonMembers.element(claimsMember, earlier));
      }
      claims.add(claim);
    }
    return claims;
  }

  /** §6.1, §6.3, §6.4.1: only with claims, every claim then has an id, and every id named is one of them. */
  private static List<List<String>> claimSets(JsonObject json, String member, List<ClaimsQuery> claims) {
    if (!json.containsKey(CLAIM_SETS)) {
      return List.of();
    }
    String setsMember = JsonMembers.member(member, CLAIM_SETS);
    if (claims.isEmpty()) {
      throw new DcqlException(CLAIM_SETS_WITHOUT_CLAIMS, setsMember, "must not be present without claims");
    }
    for (int i = 0; i < claims.size(); i++) {
      if (claims.get(i).id().isEmpty()) {
        throw new DcqlException(MISSING_CLAIM_ID,
            JsonMembers.member(JsonMembers.element(JsonMembers.member(member, CLAIMS), i), ID),
            "is required when claim_sets is present");
      }
    }
    JsonArray array = JsonMembers.nonEmptyArray(json.getValue(CLAIM_SETS), setsMember);
    List<List<String>> claimSets = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String optionMember = JsonMembers.element(setsMember, i);
      List<String> option = JsonMembers.strings(array.getValue(i), optionMember);
      for (int j = 0; j < option.size(); j++) {
        String claimId = option.get(j);
        if (claims.stream().noneMatch(claim -> claim.id().get().equals(claimId))) {
          throw new DcqlException(UNKNOWN_CLAIM_ID, JsonMembers.element(optionMember, j),
              "\"" + claimId + "\" is not the id of any element of claims");
        }
      }
      claimSets.add(option);
    }
    return claimSets;
  }
}
