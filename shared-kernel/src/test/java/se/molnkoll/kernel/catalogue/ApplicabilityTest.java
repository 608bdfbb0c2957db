package se.molnkoll.kernel.catalogue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Which measures a classification makes mandatory, as the routine's section 4.5 says. */
class ApplicabilityTest {

    static MeasureCatalogue catalogue;

    @BeforeAll
    static void load() {
        catalogue = MeasureCatalogue.loadDefault();
    }

    /** Every combination of K, R, T (0–4), S and P: 500 classifications. */
    static List<Classification> everyClassification() {
        List<Classification> all = new ArrayList<>();
        for (int k = 0; k <= 4; k++)
            for (int r = 0; r <= 4; r++)
                for (int t = 0; t <= 4; t++)
                    for (boolean s : new boolean[]{false, true})
                        for (boolean p : new boolean[]{false, true})
                            all.add(classification(k, r, t, s, p));
        return all;
    }

    static Classification classification(int k, int r, int t, boolean s, boolean p) {
        return new Classification(k, r, t, s, p, List.of("SE"), null, null);
    }

    private static boolean applies(int measure, Classification c) {
        return catalogue.measure(new MeasureId(measure)).orElseThrow().appliesTo(c);
    }

    private static void assertAppliesExactlyWhen(int measure, Predicate<Classification> when) {
        for (Classification c : everyClassification()) {
            assertThat(applies(measure, c)).as("measure %d for %s", measure, c).isEqualTo(when.test(c));
        }
    }

    @Test
    void measure_18_applies_only_with_availability_2_or_higher() {
        assertAppliesExactlyWhen(18, c -> c.availability() >= 2);
    }

    @Test
    void measure_31_applies_only_with_personal_data() {
        assertAppliesExactlyWhen(31, Classification::personalData);
    }

    @Test
    void measures_6_to_10_12_and_13_always_apply() {
        for (int measure : new int[]{6, 7, 8, 9, 10, 12, 13}) {
            assertAppliesExactlyWhen(measure, c -> true);
        }
    }

    @Test
    void measure_17_applies_with_confidentiality_1_or_availability_2_or_secrecy_or_personal_data() {
        assertAppliesExactlyWhen(17, c -> c.confidentiality() >= 1 || c.availability() >= 2 || c.secrecy() || c.personalData());
    }

    @Test
    void measures_32_33_36_and_37_apply_only_with_personal_data_and_34_and_39_with_secrecy_or_personal_data() {
        for (int measure : new int[]{31, 32, 33, 36, 37}) {
            assertAppliesExactlyWhen(measure, Classification::personalData);
        }
        for (int measure : new int[]{34, 39}) {
            assertAppliesExactlyWhen(measure, c -> c.secrecy() || c.personalData());
        }
    }

    @Test
    void measures_30_and_35_apply_with_confidentiality_2_or_secrecy_or_personal_data() {
        assertAppliesExactlyWhen(30, c -> c.confidentiality() >= 2 || c.secrecy() || c.personalData());
        assertAppliesExactlyWhen(35, c -> c.confidentiality() >= 2 || c.secrecy() || c.personalData());
    }

    @Test
    void measure_20_and_23_mix_classes_with_different_thresholds() {
        assertAppliesExactlyWhen(20, c -> c.confidentiality() >= 2 || c.integrity() >= 1 || c.secrecy() || c.personalData());
        assertAppliesExactlyWhen(23, c -> c.confidentiality() >= 2 || c.integrity() >= 1 || c.availability() >= 1
                || c.secrecy() || c.personalData());
        assertAppliesExactlyWhen(19, c -> c.confidentiality() >= 1 || c.availability() >= 1 || c.secrecy() || c.personalData());
    }

    /**
     * Hand-counted from the routine's table: how many measures each phase has for a few typical
     * classifications.
     */
    @ParameterizedTest(name = "K{0} R{1} T{2} S={3} P={4}: ANS {5}, FÖR {6}, LÄMNA {7}")
    @CsvSource({
            // the lowest classification: only rows with a 0 in K, R or T (1-16, 21, 22, 24, 26-29, 38, 40-42)
            "0, 0, 0, false, false, 22, 17, 3",
            // every criterion met: all 42 rows
            "4, 4, 4, true,  true,  36, 28, 4",
            // availability 2 adds 17 (FÖR), 18 (ANS, FÖR), 19 (ANS, FÖR), 23 (ANS) and 25 (ANS)
            "0, 0, 2, false, false, 26, 20, 3",
            // personal data: every row but 18, which has no S or P mark
            "0, 0, 0, false, true,  35, 27, 4",
    })
    void open_measures_per_phase_for_typical_classifications(int k, int r, int t, boolean s, boolean p,
                                                             int acquire, int operate, int exit) {
        Classification c = classification(k, r, t, s, p);
        assertThat(catalogue.applicablePairs(c, Phase.ACQUIRE)).hasSize(acquire);
        assertThat(catalogue.applicablePairs(c, Phase.OPERATE)).hasSize(operate);
        assertThat(catalogue.applicablePairs(c, Phase.EXIT)).hasSize(exit);
    }

    @Test
    void for_every_classification_the_applicable_pairs_are_exactly_what_the_routine_document_says() throws IOException {
        List<RoutineTable.Row> rows = RoutineTable.read();
        for (Classification c : everyClassification()) {
            Set<MeasurePhase> expected = new TreeSet<>();
            for (RoutineTable.Row row : rows) {
                boolean mandatory = atLeast(row.k(), c.confidentiality()) || atLeast(row.r(), c.integrity())
                        || atLeast(row.t(), c.availability()) || ("X".equals(row.s()) && c.secrecy())
                        || ("X".equals(row.p()) && c.personalData());
                if (!mandatory) continue;
                if ("X".equals(row.ans())) expected.add(MeasurePhase.of(row.id(), Phase.ACQUIRE));
                if ("X".equals(row.forvalta())) expected.add(MeasurePhase.of(row.id(), Phase.OPERATE));
                if ("X".equals(row.lamna())) expected.add(MeasurePhase.of(row.id(), Phase.EXIT));
            }
            assertThat(catalogue.applicablePairs(c)).as("pairs for %s", c).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void an_unclassified_service_is_measured_against_the_measures_every_classification_triggers() {
        Set<Integer> always = new TreeSet<>();
        for (Measure m : catalogue.measures()) {
            if (everyClassification().stream().allMatch(m::appliesTo)) always.add(m.id().value());
        }
        assertThat(catalogue.applicableTo(Classification.UNCLASSIFIED)).extracting(m -> m.id().value())
                .containsExactlyElementsOf(always);
        assertThat(always).contains(24, 42, 6, 7, 8, 9, 10, 11, 12, 13)
                .doesNotContain(17, 18, 19, 20, 23, 25, 30, 31, 32, 33, 34, 35, 36, 37, 39);
    }

    private static boolean atLeast(String cell, int actual) {
        return !cell.isEmpty() && actual >= Integer.parseInt(cell);
    }
}
