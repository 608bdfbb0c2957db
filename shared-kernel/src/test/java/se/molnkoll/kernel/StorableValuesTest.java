package se.molnkoll.kernel;

import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.command.RecordEvidence;
import se.molnkoll.kernel.command.SetClassification;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StorableValuesTest {

    @Test
    void ordinary_swedish_text_with_line_breaks_and_emoji_is_storable() {
        assertThat(StorableValues.textProblem("Åtgärd 42: riskanalys\r\n\tuppdaterad ✅ 😀")).isNull();
    }

    @Test
    void control_characters_and_broken_unicode_are_not() {
        assertThat(StorableValues.textProblem("a\u0000b")).isEqualTo("must not contain control characters");
        assertThat(StorableValues.textProblem("a\u001bb")).isEqualTo("must not contain control characters");
        assertThat(StorableValues.textProblem("a\ud800")).isEqualTo("must be valid Unicode text");
        assertThat(StorableValues.textProblem("\udc00a")).isEqualTo("must be valid Unicode text");
        assertThat(StorableValues.textProblem("x".repeat(20_000))).isNull();
        assertThat(StorableValues.textProblem("x".repeat(20_001))).isEqualTo("must be at most 20000 characters");
    }

    @Test
    void business_dates_are_kept_between_1900_and_2999() {
        assertThat(StorableValues.dateProblem(LocalDate.of(1900, 1, 1))).isNull();
        assertThat(StorableValues.dateProblem(LocalDate.of(2999, 12, 31))).isNull();
        assertThat(StorableValues.dateProblem(LocalDate.of(1899, 12, 31))).isNotNull();
        assertThat(StorableValues.dateProblem(LocalDate.MAX)).isNotNull();
    }

    @Test
    void every_unstorable_value_in_a_command_is_named_however_deep() {
        RecordEvidence evidence = new RecordEvidence(CloudServiceId.random(), EvidenceId.random(), Set.of(new MeasureId(3)),
                Set.of(Phase.ACQUIRE), EvidenceKind.OTHER, "ti\u0000tle", "ok", LocalDate.of(2026, 1, 1), null,
                LocalDate.MAX, null, null);
        assertThat(StorableValues.problemsIn(evidence)).containsExactly(
                "title must not contain control characters", "validUntil must be a date between 1900-01-01 and 2999-12-31");
        SetClassification classification = new SetClassification(CloudServiceId.random(),
                new Classification(1, 1, 1, false, false, List.of("SE", "E\u0000U"), "krav\u0007", null));
        assertThat(StorableValues.problemsIn(classification)).containsExactly(
                "classification.allowedLocations[1] must not contain control characters",
                "classification.ownershipRequirement must not contain control characters");
    }
}
