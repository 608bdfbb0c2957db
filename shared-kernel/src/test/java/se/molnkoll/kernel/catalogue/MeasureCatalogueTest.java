package se.molnkoll.kernel.catalogue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped catalogue against the routine document, row by row. */
class MeasureCatalogueTest {

    static MeasureCatalogue catalogue;
    static List<RoutineTable.Row> routine;

    @BeforeAll
    static void load() throws IOException {
        catalogue = MeasureCatalogue.loadDefault();
        routine = RoutineTable.read();
    }

    @Test
    void the_catalogue_is_version_3_0_of_the_routine_valid_2024_08_05_to_2028_07_24() {
        CatalogueIdentity identity = catalogue.identity();
        assertThat(identity.routine()).isEqualTo("Informationssäkerhet för extern molntjänst");
        assertThat(identity.version()).isEqualTo("3.0");
        assertThat(identity.validFrom()).isEqualTo(LocalDate.of(2024, 8, 5));
        assertThat(identity.validUntil()).isEqualTo(LocalDate.of(2028, 7, 24));
        assertThat(identity.documentId()).isEqualTo("RS10162-1596316381-126");
    }

    @Test
    void the_routine_document_has_42_rows_and_the_catalogue_42_measures_with_the_same_ids() {
        assertThat(routine).hasSize(42);
        assertThat(catalogue.measures()).extracting(m -> m.id().value())
                .containsExactlyElementsOf(routine.stream().map(RoutineTable.Row::id).toList());
    }

    @Test
    void every_measure_has_the_criteria_of_its_row_in_the_routine() {
        List<String> mismatches = new ArrayList<>();
        for (RoutineTable.Row row : routine) {
            Measure m = catalogue.measure(new MeasureId(row.id())).orElseThrow();
            compare(mismatches, row.id(), "K", classCell(row.k()), m.confidentiality());
            compare(mismatches, row.id(), "R", classCell(row.r()), m.integrity());
            compare(mismatches, row.id(), "T", classCell(row.t()), m.availability());
            compare(mismatches, row.id(), "S", mark(row.s()), m.secrecy());
            compare(mismatches, row.id(), "P", mark(row.p()), m.personalData());
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void every_measure_has_the_phases_of_its_row_in_the_routine() {
        for (RoutineTable.Row row : routine) {
            Set<Phase> expected = EnumSet.noneOf(Phase.class);
            if (mark(row.ans())) expected.add(Phase.ACQUIRE);
            if (mark(row.forvalta())) expected.add(Phase.OPERATE);
            if (mark(row.lamna())) expected.add(Phase.EXIT);
            assertThat(catalogue.measure(new MeasureId(row.id())).orElseThrow().phases())
                    .as("phases of measure %d", row.id())
                    .isEqualTo(expected);
        }
    }

    @Test
    void every_measure_has_the_full_text_of_its_row_including_its_bullet_lists() {
        for (RoutineTable.Row row : routine) {
            Measure m = catalogue.measure(new MeasureId(row.id())).orElseThrow();
            assertThat(RoutineTable.normalise(m.text())).as("text of measure %d", row.id())
                    .isEqualTo(row.plainText());
            long bullets = m.text().lines().filter(line -> line.startsWith("• ")).count();
            assertThat(bullets).as("list items of measure %d", row.id()).isEqualTo(row.listItems());
        }
    }

    @Test
    void every_measure_has_the_references_of_its_row() {
        for (RoutineTable.Row row : routine) {
            Measure m = catalogue.measure(new MeasureId(row.id())).orElseThrow();
            assertThat(String.join(" ", m.references())).as("references of measure %d", row.id())
                    .isEqualTo(row.references());
        }
        assertThat(catalogue.measure(new MeasureId(1)).orElseThrow().references()).containsExactly(
                "SS-EN ISO/IEC 27017:2021 6.1.1", "SS-EN ISO/IEC 27017:2021 15.1.2",
                "SS-EN ISO/IEC 27017:2021 16.1.1", "SS-EN ISO/IEC 27018:2020 5.1.1",
                "SS-EN ISO/IEC 27018:2020 16.1");
        assertThat(catalogue.measure(new MeasureId(40)).orElseThrow().references()).isEmpty();
    }

    @Test
    void only_measures_24_and_42_cannot_be_risk_accepted() {
        assertThat(catalogue.measures()).filteredOn(m -> !m.canBeRiskAccepted())
                .extracting(m -> m.id().value()).containsExactly(24, 42);
    }

    private static Integer classCell(String cell) {
        return cell.isEmpty() ? null : Integer.valueOf(cell);
    }

    private static boolean mark(String cell) {
        return "X".equals(cell);
    }

    private static void compare(List<String> mismatches, int id, String column, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            mismatches.add("measure " + id + " " + column + ": routine says " + expected + ", catalogue " + actual);
        }
    }
}
