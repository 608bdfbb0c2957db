package se.molnkoll.query.measures;

import se.molnkoll.kernel.Phase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's current applicable-measure and coverage rows between batches, in primitive arrays: most of
 * the rows the measures projection holds are of these two kinds: 84.7 bytes a row as entities, each with its own
 * {@link Instant} as read back, against 35.5 held here ({@code HeldRowsMemoryBenchmark}). A batch gets the rows back as entities ({@link #applicable}, {@link #counting}) the
 * first time an event of the service needs them, so the projection's rules are written against entities only.
 * <p>
 * Only rows in the database are compacted: what is held is a copy of the stored current version, found again
 * by its row id when an event closes it.
 */
final class CompactRows {

    /** An absent day: {@code LocalDate#toEpochDay} of any date the read model holds is far from it. */
    private static final int NO_DAY = Integer.MIN_VALUE;
    private static final Phase[] PHASES = Phase.values();

    private final Versions applicable;
    private final short[] applicablePairs;

    private final Versions coverage;
    private final short[] coveragePairs;
    private final String[] evidenceIds;
    private final int[] validFrom;
    private final int[] validUntil;
    private final int[] renewedFrom;
    private final boolean[] counts;

    private CompactRows(int applicableRows, int coverageRows) {
        applicable = new Versions(applicableRows);
        applicablePairs = new short[applicableRows];
        coverage = new Versions(coverageRows);
        coveragePairs = new short[coverageRows];
        evidenceIds = new String[coverageRows];
        validFrom = new int[coverageRows];
        validUntil = new int[coverageRows];
        renewedFrom = new int[coverageRows];
        counts = new boolean[coverageRows];
    }

    static CompactRows of(List<ApplicableMeasure> applicable, List<CoverageEntry> counting) {
        CompactRows rows = new CompactRows(applicable.size(), counting.size());
        for (int i = 0; i < applicable.size(); i++) {
            ApplicableMeasure row = applicable.get(i);
            rows.applicable.set(i, row.rowId(), row.recordedFrom(), row.recordedTo());
            rows.applicablePairs[i] = pair(row.measureId(), row.phase());
        }
        for (int i = 0; i < counting.size(); i++) {
            CoverageEntry row = counting.get(i);
            rows.coverage.set(i, row.rowId(), row.recordedFrom(), row.recordedTo());
            rows.coveragePairs[i] = pair(row.measureId(), row.phase());
            rows.evidenceIds[i] = row.evidenceId();
            rows.validFrom[i] = day(row.validity().from());
            rows.validUntil[i] = day(row.validUntil());
            rows.renewedFrom[i] = day(row.renewedFrom());
            rows.counts[i] = row.counts();
        }
        return rows;
    }

    List<ApplicableMeasure> applicable(String serviceId) {
        List<ApplicableMeasure> rows = new ArrayList<>(applicablePairs.length);
        for (int i = 0; i < applicablePairs.length; i++) {
            rows.add(ApplicableMeasure.held(applicable.rowId(i), applicable.from(i), serviceId,
                    applicablePairs[i] >> 2, PHASES[applicablePairs[i] & 3]));
        }
        return rows;
    }

    List<CoverageEntry> counting(String serviceId) {
        List<CoverageEntry> rows = new ArrayList<>(coveragePairs.length);
        for (int i = 0; i < coveragePairs.length; i++) {
            rows.add(CoverageEntry.held(coverage.rowId(i), coverage.from(i), evidenceIds[i], serviceId,
                    coveragePairs[i] >> 2, PHASES[coveragePairs[i] & 3], day(validFrom[i]), day(validUntil[i]), counts[i],
                    day(renewedFrom[i])));
        }
        return rows;
    }

    int size() {
        return applicablePairs.length + coveragePairs.length;
    }

    private static short pair(int measureId, Phase phase) {
        if (measureId < 0 || measureId > Short.MAX_VALUE >> 2) {
            throw new IllegalStateException("A measure id out of the compact range: " + measureId);
        }
        return (short) (measureId << 2 | phase.ordinal());
    }

    private static int day(LocalDate day) {
        return day == null ? NO_DAY : Math.toIntExact(day.toEpochDay());
    }

    private static LocalDate day(int epochDay) {
        return epochDay == NO_DAY ? null : Shared.day(LocalDate.ofEpochDay(epochDay));
    }

    /** The row ids and recorded-from moments of stored current versions. */
    private static final class Versions {

        private final long[] rowIds;
        private final long[] fromSeconds;
        private final int[] fromNanos;

        Versions(int rows) {
            rowIds = new long[rows];
            fromSeconds = new long[rows];
            fromNanos = new int[rows];
        }

        void set(int i, long rowId, Instant from, Instant to) {
            if (rowId == 0 || to != null) {
                throw new IllegalStateException("Only a stored current version is held compact, not row "
                        + rowId + " recorded to " + to);
            }
            rowIds[i] = rowId;
            fromSeconds[i] = from.getEpochSecond();
            fromNanos[i] = from.getNano();
        }

        long rowId(int i) {
            return rowIds[i];
        }

        Instant from(int i) {
            return Instant.ofEpochSecond(fromSeconds[i], fromNanos[i]);
        }
    }
}
