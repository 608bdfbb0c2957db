package se.molnkoll.query.measures;

import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.compliance.Validity;
import se.molnkoll.query.measures.OpenMeasuresStep.Step;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.kernel.Phase.ACQUIRE;
import static se.molnkoll.kernel.Phase.EXIT;
import static se.molnkoll.kernel.Phase.OPERATE;

class OpenMeasuresStepTest {

    static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    static final MeasurePhase M27 = MeasurePhase.of(27, ACQUIRE);
    static final MeasurePhase M30 = MeasurePhase.of(30, ACQUIRE);
    static final MeasurePhase M38 = MeasurePhase.of(38, OPERATE);
    static final MeasurePhase M40 = MeasurePhase.of(40, EXIT);

    static Validity days(int from, int until) {
        return new Validity(JAN_1.plusDays(from), JAN_1.plusDays(until));
    }

    @Test
    void nothing_covered_is_open_on_every_day() {
        assertThat(OpenMeasuresStep.of(List.of(M27, M30, M40), Map.of()))
                .containsExactly(new Step(ACQUIRE, null, null, 2), new Step(EXIT, null, null, 1));
    }

    @Test
    void each_cover_closes_its_measure_for_its_days_and_back_to_back_covers_leave_no_gap() {
        List<Step> steps = OpenMeasuresStep.of(List.of(M27, M30), Map.of(
                M27, List.of(days(0, 9), days(10, 19)),          // back to back: covered 1-20 January
                M30, List.of(new Validity(JAN_1.plusDays(5), null)))); // from 6 January on, no end
        assertThat(steps).containsExactly(
                new Step(ACQUIRE, null, JAN_1, 2),
                new Step(ACQUIRE, JAN_1, JAN_1.plusDays(5), 1),
                new Step(ACQUIRE, JAN_1.plusDays(20), null, 1));
    }

    @Test
    void overlapping_covers_and_risk_acceptances_merge_and_empty_ones_count_for_nothing() {
        List<Step> steps = OpenMeasuresStep.of(List.of(M38), Map.of(M38, List.of(
                Validity.until(JAN_1.plusDays(3)),   // a risk acceptance from the start
                days(2, 6), days(4, 5),
                new Validity(JAN_1.plusDays(9), JAN_1.plusDays(8)), // ends before it starts: empty
                days(8, 8))));
        assertThat(steps).containsExactly(
                new Step(OPERATE, JAN_1.plusDays(7), JAN_1.plusDays(8), 1),
                new Step(OPERATE, JAN_1.plusDays(9), null, 1));
    }

    @Test
    void a_cover_of_a_measure_that_does_not_apply_changes_nothing() {
        assertThat(OpenMeasuresStep.of(List.of(M27), Map.of(M30, List.of(Validity.ALWAYS))))
                .containsExactly(new Step(ACQUIRE, null, null, 1));
        assertThat(OpenMeasuresStep.of(List.of(M27), Map.of(M27, List.of(Validity.ALWAYS)))).isEmpty();
    }
}
