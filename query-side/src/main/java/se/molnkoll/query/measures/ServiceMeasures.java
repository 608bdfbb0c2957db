package se.molnkoll.query.measures;

import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.compliance.Validity;
import se.molnkoll.query.persistence.RowWrites;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The current rows of one service in the measures read model, kept in memory by the projection between
 * events: what applies, what counts towards it, and the open counts. Each change closes and adds
 * versions through a {@link RowWrites}; none needs to read the database. {@link #lastSequence} is the
 * service's last event these rows include: the projection trusts them only for the event right after it.
 */
final class ServiceMeasures {

    final String serviceId;
    long lastSequence;
    /** Its rows as {@link ServicesInMemory} last counted them. */
    int counted;
    /** Changed by a batch that has not written yet. */
    boolean inBatch;
    private final List<ApplicableMeasure> applicable;
    private final List<CoverageEntry> counting;
    private final List<RiskAcceptanceEntry> accepted;
    private final List<OpenMeasuresStep> steps;

    ServiceMeasures(String serviceId, List<ApplicableMeasure> applicable, List<CoverageEntry> counting,
                    List<RiskAcceptanceEntry> accepted, List<OpenMeasuresStep> steps) {
        this.serviceId = serviceId;
        this.applicable = new ArrayList<>(applicable);
        this.counting = new ArrayList<>(counting);
        this.accepted = new ArrayList<>(accepted);
        this.steps = new ArrayList<>(steps);
    }

    static ServiceMeasures empty(String serviceId) {
        return new ServiceMeasures(serviceId, List.of(), List.of(), List.of(), List.of());
    }

    /** Closes the measures that no longer apply and opens those that now do; the rest carry on. */
    void applies(Collection<MeasurePhase> pairs, Instant at, RowWrites writes) {
        Set<MeasurePhase> wanted = new LinkedHashSet<>(pairs);
        for (Iterator<ApplicableMeasure> rows = applicable.iterator(); rows.hasNext(); ) {
            ApplicableMeasure row = rows.next();
            if (!wanted.remove(row.pair())) {
                row.close(at);
                writes.closed(row);
                rows.remove();
            }
        }
        wanted.stream().sorted().forEach(pair -> applicable.add(writes.added(new ApplicableMeasure(serviceId, pair, at))));
        openCounts(at, writes);
    }

    /** New evidence counts towards its (measure, phase) pairs. */
    void counts(List<CoverageEntry> rows, Instant at, RowWrites writes) {
        rows.forEach(row -> counting.add(writes.added(row)));
        renewals(rows.stream().map(CoverageEntry::pair).toList(), at, writes);
        openCounts(at, writes);
    }

    /** Withdrawn evidence no longer counts; what it renewed is at stake again, unless other evidence renews that too. */
    void withdrawn(String evidenceId, Instant at, RowWrites writes) {
        List<MeasurePhase> pairs = setAside(counting, row -> row.evidenceId().equals(evidenceId), at, writes);
        renewals(pairs, at, writes);
        openCounts(at, writes);
    }

    void accepted(RiskAcceptanceEntry acceptance, Instant at, RowWrites writes) {
        accepted.add(writes.added(acceptance));
        openCounts(at, writes);
    }

    /** A provider change re-opened some pairs: nothing that counted towards them counts any longer. */
    void reopened(Collection<MeasurePhase> pairs, Instant at, RowWrites writes) {
        setAside(counting, row -> pairs.contains(row.pair()), at, writes);
        for (Iterator<RiskAcceptanceEntry> rows = accepted.iterator(); rows.hasNext(); ) {
            RiskAcceptanceEntry row = rows.next();
            if (pairs.contains(row.pair())) {
                writes.added(row.setAsideAt(at));
                writes.closed(row);
                rows.remove();
            }
        }
        openCounts(at, writes);
    }

    /** Sets aside the counting rows that match; returns their pairs. */
    private static List<MeasurePhase> setAside(List<CoverageEntry> counting, Predicate<CoverageEntry> which, Instant at,
                                               RowWrites writes) {
        List<MeasurePhase> pairs = new ArrayList<>();
        for (Iterator<CoverageEntry> rows = counting.iterator(); rows.hasNext(); ) {
            CoverageEntry row = rows.next();
            if (which.test(row)) {
                writes.added(row.setAsideAt(at));
                writes.closed(row);
                pairs.add(row.pair());
                rows.remove();
            }
        }
        return pairs;
    }

    /** Applies the renewal rule again to the counting evidence of the (measure, phase) pairs that changed. */
    private void renewals(Collection<MeasurePhase> changed, Instant at, RowWrites writes) {
        for (MeasurePhase pair : new LinkedHashSet<>(changed)) {
            List<CoverageEntry> ofPair = counting.stream().filter(row -> row.pair().equals(pair)).toList();
            for (CoverageEntry row : ofPair) {
                LocalDate renewedFrom = CoverageEntry.renewedFrom(row, ofPair);
                if (!renewedFrom.equals(row.renewedFrom())) {
                    CoverageEntry next = row.renewedFromAt(at, renewedFrom);
                    if (next != row) {
                        writes.closed(row);
                        counting.set(counting.indexOf(row), writes.added(next));
                    }
                }
            }
        }
    }

    /** The steps again, from what now applies and counts; only changed steps are versioned. */
    private void openCounts(Instant at, RowWrites writes) {
        Map<MeasurePhase, List<Validity>> covers = new HashMap<>();
        counting.forEach(row -> covers.computeIfAbsent(row.pair(), pair -> new ArrayList<>()).add(row.validity()));
        accepted.forEach(row -> covers.computeIfAbsent(row.pair(), pair -> new ArrayList<>()).add(row.validity()));
        List<OpenMeasuresStep.Step> wanted = new ArrayList<>(OpenMeasuresStep.of(
                applicable.stream().map(ApplicableMeasure::pair).toList(), covers));
        for (Iterator<OpenMeasuresStep> rows = steps.iterator(); rows.hasNext(); ) {
            OpenMeasuresStep row = rows.next();
            if (!wanted.remove(row.step())) {
                row.close(at);
                writes.closed(row);
                rows.remove();
            }
        }
        wanted.forEach(step -> steps.add(writes.added(new OpenMeasuresStep(serviceId, step, at))));
    }

    /** Rows held, for the bound on what the projection keeps in memory. */
    int size() {
        return applicable.size() + counting.size() + accepted.size() + steps.size();
    }
}
