package dev.cairn.credentials.display;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The skills a credential attests, for an employer to scan. A skill is, in this order, without repeats and at most
 * {@link BoundedValues#LIST}:
 * <ol>
 *   <li>the {@code targetName} of each of the achievement's alignments whose {@code targetType} names a competency
 *       in a skills framework: {@code ceasn:Competency} (a CTDL-ASN competency) or {@code CFItem} (a CASE framework
 *       item) — the two AlignmentTargetType values OB 3.0's skill-assertion examples use;</li>
 *   <li>the achievement's own {@code name} when its {@code achievementType} is {@code Competency}: the badge asserts
 *       the skill itself;</li>
 *   <li>each string of a {@code skills} array on the subject (the SD-JWT VC payload, or a VCDM credentialSubject),
 *       the plain form micro-credentials without OB alignments use.</li>
 * </ol>
 * Not skills: Achievement.tag (free keywords such as "beginner" or "online"), and alignments to credentials,
 * rubrics or untyped targets ({@code ceterms:Credential}, {@code CFRubric*}, {@code CTDL}, none) — they are shown
 * as alignments, not claimed as competencies.
 */
final class Skills {
  static final Set<String> COMPETENCY_TARGET_TYPES = Set.of("ceasn:Competency", "CFItem");
  static final String COMPETENCY_ACHIEVEMENT_TYPE = "Competency";

  private Skills() {}

  static List<String> of(JsonObject subject, Optional<AchievementDisplay> achievement,
                         List<AlignmentDisplay> alignments) {
    List<String> skills = new ArrayList<>();
    for (AlignmentDisplay alignment : alignments) {
      if (alignment.targetType().filter(COMPETENCY_TARGET_TYPES::contains).isPresent()) {
        add(skills, alignment.targetName());
      }
    }
    achievement.filter(found -> found.achievementType().filter(COMPETENCY_ACHIEVEMENT_TYPE::equals).isPresent())
        .flatMap(AchievementDisplay::name).ifPresent(name -> add(skills, name));
    BoundedValues.strings(subject.getValue("skills")).forEach(skill -> add(skills, skill));
    return skills;
  }

  private static void add(List<String> skills, String skill) {
    if (skills.size() < BoundedValues.LIST && !skills.contains(skill)) {
      skills.add(skill);
    }
  }
}
