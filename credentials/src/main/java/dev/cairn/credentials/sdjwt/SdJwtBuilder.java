package dev.cairn.credentials.sdjwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.credentials.dcql.ClaimsPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Issues an SD-JWT (RFC 9901 §4.2, §5): the named top-level claims become object-property disclosures, the
 * elements of the named array claims become array-element disclosures, decoy digests are mixed in (§4.2.5), and
 * the digests are sorted so their order reveals nothing. Used by the reference issuer and by tests.
 */
public final class SdJwtBuilder {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JsonObject claims;
  private final Set<String> disclosable;
  private final Set<String> disclosableArrays;
  private int decoys;

  public SdJwtBuilder(JsonObject claims, Set<String> disclosable, Set<String> disclosableArrays) {
    this.claims = claims.copy();
    this.disclosable = Set.copyOf(disclosable);
    this.disclosableArrays = Set.copyOf(disclosableArrays);
  }

  public SdJwtBuilder decoys(int count) {
    this.decoys = count;
    return this;
  }

  /** {@code <issuer-jwt>~<disclosure>~…~}: the issuance form, with every disclosure. */
  public String sign(JWSHeader.Builder header, JWSSigner signer) {
    HashAlgorithm algorithm = HashAlgorithm.SHA_256;
    List<Disclosure> all = new ArrayList<>();
    JsonObject payload = new JsonObject();
    List<String> digests = new ArrayList<>();
    for (String name : claims.fieldNames()) {
      Object value = claims.getValue(name);
      if (disclosableArrays.contains(name) && value instanceof JsonArray array) {
        JsonArray hidden = new JsonArray();
        for (Object element : array) {
          Disclosure disclosure = Disclosure.arrayElement(element);
          all.add(disclosure);
          hidden.add(new JsonObject().put(Rfc9901.ARRAY_DIGEST, disclosure.digest(algorithm)));
        }
        value = hidden;
      }
      if (disclosable.contains(name)) {
        Disclosure disclosure = Disclosure.objectProperty(name, value);
        all.add(disclosure);
        digests.add(disclosure.digest(algorithm));
      } else {
        payload.put(name, value);
      }
    }
    for (int i = 0; i < decoys; i++) {
      byte[] random = new byte[32];
      RANDOM.nextBytes(random);
      digests.add(algorithm.digest(Base64.getUrlEncoder().withoutPadding().encodeToString(random)));
    }
    if (!digests.isEmpty()) {
      Collections.sort(digests);
      payload.put(Rfc9901.SD, new JsonArray(new ArrayList<>(digests)));
    }
    payload.put(Rfc9901.SD_ALG, algorithm.ianaName());
    try {
      SignedJWT jwt = new SignedJWT(header.type(header.build().getType() == null
          ? new JOSEObjectType(Rfc9901.DC_SD_JWT) : header.build().getType()).build(),
          JWTClaimsSet.parse(payload.encode()));
      jwt.sign(signer);
      StringBuilder out = new StringBuilder(jwt.serialize()).append(Rfc9901.SEPARATOR);
      all.forEach(disclosure -> out.append(disclosure.encoded()).append(Rfc9901.SEPARATOR));
      return out.toString();
    } catch (JOSEException | ParseException e) {
      throw new IllegalStateException("could not sign the SD-JWT", e);
    }
  }

  /**
   * The holder's side (§4.3) for fixtures and benchmarks: {@link DisclosureSelection#present} with each path written
   * as dotted claim names and array positions as numbers ({@code address.street_address}, {@code skills.1}). A claim
   * name containing a dot cannot be written this way; the wallet passes {@link ClaimsPath}s to
   * {@link DisclosureSelection} instead.
   */
  public static String present(String issued, Set<String> claimPaths) {
    List<ClaimsPath> paths = new ArrayList<>(claimPaths.size());
    for (String dotted : claimPaths) {
      List<Object> components = new ArrayList<>();
      for (String component : dotted.split("\\.", -1)) {
        boolean position = !component.isEmpty() && component.chars().allMatch(Character::isDigit);
        components.add(position ? Integer.valueOf(component) : component);
      }
      paths.add(ClaimsPath.of(components.toArray()));
    }
    return DisclosureSelection.present(issued, paths);
  }
}
