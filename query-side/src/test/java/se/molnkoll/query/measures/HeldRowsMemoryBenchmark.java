package se.molnkoll.query.measures;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.Phase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A rough measurement, not a test: the heap a held row of the measures projection takes as an entity and held
 * compact ({@link CompactRows}), for 10,000 services of 70 applicable and 110 coverage rows (about the benchmark's
 * services), their evidence id shared so that the rows alone are counted. Heap used after full collections, twice
 * each way. It prints and asserts nothing, so it is tagged "benchmark" and left out of every test run. Run it with
 * {@code ./mvnw -pl query-side -am test -Dtest=HeldRowsMemoryBenchmark -Dmolnkoll.test.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx2g}.
 */
@Tag("benchmark")
class HeldRowsMemoryBenchmark {

    private static final int SERVICES = 10_000;
    private static final int APPLICABLE = 70;
    private static final int COVERAGE = 110;

    @Test
    void bytes_a_held_row_takes_as_an_entity_and_compact() {
        for (boolean compact : new boolean[]{false, true, false, true}) {
            List<ServiceMeasures> held = new ArrayList<>();
            long before = heapUsed();
            long rowId = 1;
            for (int s = 0; s < SERVICES; s++) {
                String service = UUID.randomUUID().toString().intern();
                List<ApplicableMeasure> applicable = new ArrayList<>();
                for (int m = 0; m < APPLICABLE; m++) {
                    // each row its own Instant, as rows read back from the database have
                    applicable.add(ApplicableMeasure.held(rowId++, Instant.ofEpochSecond(1_700_000_000L + s, 1_000), service,
                            m % 42 + 1, Phase.values()[m % 3]));
                }
                List<CoverageEntry> coverage = new ArrayList<>();
                for (int e = 0; e < COVERAGE; e++) {
                    LocalDate from = Shared.day(LocalDate.of(2024, 1, 1).plusDays(e * 30L));
                    coverage.add(CoverageEntry.held(rowId++, Instant.ofEpochSecond(1_700_000_000L + e, 1_000), "evidence",
                            service, e % 42 + 1, Phase.OPERATE, from, Shared.day(from.plusDays(40)), true, CoverageEntry.NOT_RENEWED));
                }
                ServiceMeasures measures = new ServiceMeasures(service, applicable, coverage, List.of(), List.of(), List.of(), List.of());
                if (compact) measures.compact();
                held.add(measures);
            }
            long bytes = heapUsed() - before;
            System.out.printf("Held rows %s: %.1f bytes a row (%d services, %d rows)%n", compact ? "compact" : "as entities",
                    bytes / (double) (SERVICES * (APPLICABLE + COVERAGE)), held.size(), SERVICES * (APPLICABLE + COVERAGE));
        }
    }

    private static long heapUsed() {
        for (int i = 0; i < 5; i++) System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
