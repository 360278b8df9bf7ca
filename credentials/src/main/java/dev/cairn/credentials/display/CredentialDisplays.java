package dev.cairn.credentials.display;

import dev.cairn.credentials.CredentialFormat;
import dev.cairn.credentials.VerifiedCredential;
import dev.cairn.credentials.display.CredentialDisplay.Kind;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads the display data of a verified credential, whatever its format. The verifiers leave the credential's JSON
 * in {@link VerifiedCredential#claims()}:
 * <ul>
 *   <li>SD-JWT VC: the payload with the presented disclosures applied; the claims are flat, about the subject;</li>
 *   <li>VCDM 2.0 {@code vc+jwt}: the payload, which is the credential;</li>
 *   <li>VCDM 1.1 {@code jwt_vc_json}: the {@code vc} claim;</li>
 *   <li>{@code ldp_vc}: the JSON-LD credential without its proof.</li>
 * </ul>
 * So the subject is the payload itself for SD-JWT VC, and {@code credentialSubject} (its first object when an
 * array) otherwise; OB 3.0 data (§B.1 AchievementCredential, AchievementSubject, Achievement) is read the same way
 * in every format. The rules:
 * <ul>
 *   <li>{@code title}: for an Open Badge the achievement's {@code name}, else the credential's {@code name}; for
 *       other kinds the credential's {@code name}, else {@code achievement} (a string, or an object's {@code name})
 *       — except in an SD-JWT VC, whose payload is the subject: a top-level {@code name} there names the holder, so
 *       an achievement's name comes first;</li>
 *       {@code description} likewise, with an EndorsementSubject's {@code endorsementComment} before the
 *       achievement's;</li>
 *   <li>{@code issued}: OB 3.0 {@code awardedDate} first — it keeps the original award date when a re-issued
 *       credential gets a new {@code validFrom} — then the verified issuance time ({@code iat}; for {@code ldp_vc}
 *       VCDM 1.1 {@code issuanceDate}: VCDM 2.0 has none), then {@code issuanceDate}, then {@code validFrom};</li>
 *   <li>{@code validFrom}/{@code validUntil}: the verified window, else the credential's properties;</li>
 *   <li>{@code language}: the achievement's {@code inLanguage}, else the credential's {@code inLanguage},
 *       {@code language} or {@code @language}, else an {@code @language} in its {@code @context}, else the language
 *       of the value the title was taken from;</li>
 *   <li>skills: see {@code Skills}.</li>
 * </ul>
 * Localised values go through {@code LocalizedText}, every other read through {@code BoundedValues}: a property of
 * the wrong type is absent, strings and lists are capped, and no input makes this throw.
 */
public final class CredentialDisplays {
  private CredentialDisplays() {}

  public static CredentialDisplay of(VerifiedCredential credential) {
    JsonObject claims = credential.claims() == null ? new JsonObject() : credential.claims();
    Kind kind = Kind.of(credential.types());
    JsonObject subject = credential.format() == CredentialFormat.SD_JWT_VC ? claims : subjectOf(claims);
    Object achievementValue = subject.getValue("achievement");
    Optional<JsonObject> achievementJson = BoundedValues.object(achievementValue);
    Optional<AchievementDisplay> achievement = achievementJson.flatMap(AchievementDisplay::read);
    List<AlignmentDisplay> alignments = achievementJson
        .map(found -> AlignmentDisplay.read(found.getValue("alignment"))).orElse(List.of());

    Optional<LocalizedText> credentialName = LocalizedText.read(claims.getValue("name"));
    Optional<LocalizedText> achievementName = achievementJson.isPresent()
        ? LocalizedText.read(achievementJson.get().getValue("name")) : LocalizedText.read(achievementValue);
    boolean payloadIsSubject = credential.format() == CredentialFormat.SD_JWT_VC;
    Optional<LocalizedText> title = kind == Kind.OPEN_BADGE || (payloadIsSubject && achievementJson.isPresent())
        ? achievementName.or(() -> credentialName) : credentialName.or(() -> achievementName);
    Optional<String> credentialDescription = longText(claims.getValue("description"));
    Optional<String> achievementDescription = achievement.flatMap(AchievementDisplay::description);
    Optional<String> description = kind == Kind.OPEN_BADGE
        ? achievementDescription.or(() -> credentialDescription)
        : credentialDescription.or(() -> longText(subject.getValue("endorsementComment")))
            .or(() -> achievementDescription);

    return new CredentialDisplay(kind, title.map(LocalizedText::text), description,
        IssuerDisplay.read(credential.issuer(), claims), achievement,
        ResultDisplay.read(subject.getValue("result"), achievementJson), alignments,
        Skills.of(subject, achievement, alignments),
        issued(credential, claims), credential.validFrom().or(() -> BoundedValues.instant(claims.getValue("validFrom"))),
        credential.validUntil().or(() -> BoundedValues.instant(claims.getValue("validUntil"))),
        language(claims, achievementJson, title));
  }

  /** VCDM credentialSubject: one object, or the first object of an array (OB 3.0 has exactly one). */
  private static JsonObject subjectOf(JsonObject claims) {
    return BoundedValues.objects(claims.getValue("credentialSubject")).stream().findFirst().orElseGet(JsonObject::new);
  }

  private static Optional<String> longText(Object value) {
    return LocalizedText.read(value, BoundedValues.LONG_TEXT).map(LocalizedText::text);
  }

  private static Optional<Instant> issued(VerifiedCredential credential, JsonObject claims) {
    return BoundedValues.instant(claims.getValue("awardedDate"))
        .or(credential::issuedAt)
        .or(() -> BoundedValues.instant(claims.getValue("issuanceDate")))
        .or(credential::validFrom)
        .or(() -> BoundedValues.instant(claims.getValue("validFrom")));
  }

  private static Optional<String> language(JsonObject claims, Optional<JsonObject> achievement,
                                           Optional<LocalizedText> title) {
    return achievement.flatMap(found -> BoundedValues.languageTag(found.getValue("inLanguage")))
        .or(() -> BoundedValues.languageTag(claims.getValue("inLanguage")))
        .or(() -> BoundedValues.languageTag(claims.getValue("language")))
        .or(() -> BoundedValues.languageTag(claims.getValue("@language")))
        .or(() -> BoundedValues.objects(claims.getValue("@context")).stream()
            .flatMap(context -> BoundedValues.languageTag(context.getValue("@language")).stream()).findFirst())
        .or(() -> title.flatMap(LocalizedText::language));
  }
}
