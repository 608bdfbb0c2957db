package se.molnkoll.kernel.compliance;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.kernel.MeasureStatus.COVERED;
import static se.molnkoll.kernel.MeasureStatus.EXPIRED;
import static se.molnkoll.kernel.MeasureStatus.OPEN;
import static se.molnkoll.kernel.MeasureStatus.RISK_ACCEPTED;

class MeasureStatusRuleTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    @Test
    void nothing_recorded_is_open() {
        assertThat(MeasureStatusRule.statusOn(TODAY, List.of(), List.of())).isEqualTo(OPEN);
    }

    @Test
    void evidence_without_dates_covers() {
        assertThat(MeasureStatusRule.statusOn(TODAY, List.of(Validity.ALWAYS), List.of())).isEqualTo(COVERED);
    }

    @Test
    void valid_until_is_inclusive() {
        assertThat(MeasureStatusRule.statusOn(TODAY, List.of(Validity.until(TODAY)), List.of())).isEqualTo(COVERED);
        assertThat(MeasureStatusRule.statusOn(TODAY.plusDays(1), List.of(Validity.until(TODAY)), List.of())).isEqualTo(EXPIRED);
    }

    @Test
    void evidence_not_yet_valid_leaves_the_measure_open() {
        Validity fromTomorrow = new Validity(TODAY.plusDays(1), null);
        assertThat(MeasureStatusRule.statusOn(TODAY, List.of(fromTomorrow), List.of())).isEqualTo(OPEN);
        assertThat(MeasureStatusRule.statusOn(TODAY.plusDays(1), List.of(fromTomorrow), List.of())).isEqualTo(COVERED);
    }

    @Test
    void expired_only_when_all_evidence_has_lapsed() {
        Validity lapsed = Validity.until(TODAY.minusDays(1));
        Validity upcoming = new Validity(TODAY.plusDays(10), null);
        assertThat(MeasureStatusRule.statusOn(TODAY, List.of(lapsed), List.of())).isEqualTo(EXPIRED);
        assertThat(MeasureStatusRule.statusOn(TODAY, List.of(lapsed, upcoming), List.of())).isEqualTo(OPEN);
        assertThat(MeasureStatusRule.statusOn(TODAY, List.of(lapsed, Validity.until(TODAY)), List.of())).isEqualTo(COVERED);
    }

    @Test
    void a_risk_acceptance_in_force_closes_an_open_or_expired_measure_but_valid_evidence_wins() {
        assertThat(MeasureStatusRule.statusOn(TODAY, List.of(), List.of(Validity.ALWAYS))).isEqualTo(RISK_ACCEPTED);
        assertThat(MeasureStatusRule.statusOn(TODAY, List.of(Validity.until(TODAY.minusDays(1))), List.of(Validity.ALWAYS)))
                .isEqualTo(RISK_ACCEPTED);
        assertThat(MeasureStatusRule.statusOn(TODAY, List.of(Validity.ALWAYS), List.of(Validity.ALWAYS))).isEqualTo(COVERED);
    }

    @Test
    void a_risk_acceptance_past_its_end_date_no_longer_counts() {
        assertThat(MeasureStatusRule.statusOn(TODAY, List.of(), List.of(Validity.until(TODAY)))).isEqualTo(RISK_ACCEPTED);
        assertThat(MeasureStatusRule.statusOn(TODAY.plusDays(1), List.of(), List.of(Validity.until(TODAY)))).isEqualTo(OPEN);
    }
}
