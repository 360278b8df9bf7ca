package dev.cairn.credentials.dcql;

import static dev.cairn.credentials.dcql.OpenId4Vp.DOCTYPE_VALUE;
import static dev.cairn.credentials.dcql.OpenId4Vp.FORMAT_DC_SD_JWT;
import static dev.cairn.credentials.dcql.OpenId4Vp.FORMAT_JWT_VC_JSON;
import static dev.cairn.credentials.dcql.OpenId4Vp.FORMAT_LDP_VC;
import static dev.cairn.credentials.dcql.OpenId4Vp.FORMAT_MSO_MDOC;
import static dev.cairn.credentials.dcql.OpenId4Vp.TYPE_VALUES;
import static dev.cairn.credentials.dcql.OpenId4Vp.VCT_VALUES;

import dev.cairn.credentials.dcql.CredentialMeta.Mdoc;
import dev.cairn.credentials.dcql.CredentialMeta.SdJwtVc;
import dev.cairn.credentials.dcql.CredentialMeta.Unconstrained;
import dev.cairn.credentials.dcql.CredentialMeta.W3cVc;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Credential Query's {@code meta} by its format, per the "Parameters in the meta parameter in Credential
 * Query" sections of OpenID4VP 1.0 Appendix B: each format's member is REQUIRED and has a fixed shape.
 */
final class MetaParameters {
  private MetaParameters() {}

  static CredentialMeta parse(String format, Object value, String member) {
    JsonObject meta = JsonMembers.object(value, member);
    return switch (format) {
      case FORMAT_DC_SD_JWT -> new SdJwtVc(JsonMembers.nonEmptyStrings(
          JsonMembers.required(meta, VCT_VALUES, member), JsonMembers.member(member, VCT_VALUES)));
      case FORMAT_JWT_VC_JSON, FORMAT_LDP_VC -> new W3cVc(typeValues(
          JsonMembers.required(meta, TYPE_VALUES, member), JsonMembers.member(member, TYPE_VALUES)));
      case FORMAT_MSO_MDOC -> new Mdoc(JsonMembers.string(
          JsonMembers.required(meta, DOCTYPE_VALUE, member), JsonMembers.member(member, DOCTYPE_VALUE)));
      default -> new Unconstrained(meta);
    };
  }

  /** B.1.1: "A non-empty array of string arrays", each inner array non-empty. */
  private static List<List<String>> typeValues(Object value, String member) {
    JsonArray alternatives = JsonMembers.nonEmptyArray(value, member);
    List<List<String>> typeValues = new ArrayList<>(alternatives.size());
    for (int i = 0; i < alternatives.size(); i++) {
      typeValues.add(JsonMembers.nonEmptyStrings(alternatives.getValue(i), JsonMembers.element(member, i)));
    }
    return typeValues;
  }
}
