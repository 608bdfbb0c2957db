package se.molnkoll.query.measures;

import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.compliance.Validity;
import se.molnkoll.query.persistence.RowWrites;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

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
    /** Null while {@link #compact}. */
    private List<ApplicableMeasure> applicable;
    /** Null while {@link #compact}. */
    private List<CoverageEntry> counting;
    /** Between batches, the applicable and counting rows, in less memory; null while a batch changes the service. */
    private CompactRows compact;
    private final List<RiskAcceptanceEntry> accepted;
    private final List<OpenMeasuresStep> steps;
    private final List<CertificateAtStake> certificates;
    private final List<ReviewDueEntry> reviewsDue;
    /**
     * Set by the service's last event; not read back by {@link MeasureStatusProjection#load}, as no
     * event follows it (the service refuses every command from then on).
     */
    private boolean decommissioned;

    ServiceMeasures(String serviceId, List<ApplicableMeasure> applicable, List<CoverageEntry> counting,
                    List<RiskAcceptanceEntry> accepted, List<OpenMeasuresStep> steps,
                    List<CertificateAtStake> certificates, List<ReviewDueEntry> reviewsDue) {
        this.serviceId = serviceId;
        this.applicable = new ArrayList<>(applicable);
        this.counting = new ArrayList<>(counting);
        this.accepted = new ArrayList<>(accepted);
        this.steps = new ArrayList<>(steps);
        this.certificates = new ArrayList<>(certificates);
        this.reviewsDue = new ArrayList<>(reviewsDue);
    }

    static ServiceMeasures empty(String serviceId) {
        return new ServiceMeasures(serviceId, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Holds the applicable and counting rows compact, once a batch has written them: they are most of the rows
     * (see {@link CompactRows}).
     */
    void compact() {
        if (compact == null) {
            compact = CompactRows.of(applicable, counting);
            applicable = null;
            counting = null;
        }
    }

    /** Holds every row as an entity again, as the changes below need: called before an event is applied. */
    void expand() {
        if (compact != null) {
            applicable = compact.applicable(serviceId);
            counting = compact.counting(serviceId);
            compact = null;
        }
    }

    /** The pair's recurring review is past due from the day on: covered or accepted, it counts as open. */
    void reviewFellDue(MeasurePhase pair, LocalDate from, Instant at, RowWrites writes) {
        reviewsDue.add(writes.added(new ReviewDueEntry(serviceId, pair, from, at)));
        derivedRows(at, writes);
    }

    /** The pair's review was recorded on the day: past due no longer from it. */
    void reviewed(MeasurePhase pair, LocalDate on, Instant at, RowWrites writes) {
        for (int i = 0; i < reviewsDue.size(); i++) {
            ReviewDueEntry row = reviewsDue.get(i);
            if (row.pair().equals(pair) && row.isOpen()) {
                reviewsDue.set(i, writes.next(row, row.reviewedAt(at, on)));
            }
        }
        derivedRows(at, writes);
    }

    /** Closes the measures that no longer apply and opens those that now do; the rest carry on. */
    void applies(Collection<MeasurePhase> pairs, Instant at, RowWrites writes) {
        Set<MeasurePhase> wanted = new LinkedHashSet<>(pairs);
        takeOut(applicable, row -> !wanted.remove(row.pair())).forEach(row -> writes.close(row, at));
        wanted.stream().sorted().forEach(pair -> applicable.add(writes.added(new ApplicableMeasure(serviceId, pair, at))));
        derivedRows(at, writes);
    }

    /** New evidence counts towards its (measure, phase) pairs. */
    void counts(List<CoverageEntry> rows, Instant at, RowWrites writes) {
        rows.forEach(row -> counting.add(writes.added(row)));
        renewals(rows.stream().map(CoverageEntry::pair).toList(), at, writes);
        derivedRows(at, writes);
    }

    /** Withdrawn evidence no longer counts; what it renewed is at stake again, unless other evidence renews that too. */
    void withdrawn(String evidenceId, Instant at, RowWrites writes) {
        List<CoverageEntry> setAside = takeOut(counting, row -> row.evidenceId().equals(evidenceId));
        setAside.forEach(row -> writes.next(row, row.setAsideAt(at)));
        renewals(setAside.stream().map(CoverageEntry::pair).toList(), at, writes);
        derivedRows(at, writes);
    }

    void accepted(RiskAcceptanceEntry acceptance, Instant at, RowWrites writes) {
        accepted.add(writes.added(acceptance));
        derivedRows(at, writes);
    }

    /** The pair's acceptances count no longer from the day on (those already ended before it stay as they are). */
    void revoked(MeasurePhase pair, LocalDate from, String reason, Instant at, RowWrites writes) {
        for (int i = 0; i < accepted.size(); i++) {
            RiskAcceptanceEntry row = accepted.get(i);
            if (row.pair().equals(pair) && !row.validity().isEmpty() && !row.validity().endedBefore(from)) {
                accepted.set(i, writes.next(row, row.revokedAt(at, from, reason)));
            }
        }
        derivedRows(at, writes);
    }

    /** The approved acceptance reached its end: recorded on its row; statuses already follow its end date. */
    void ended(String proposalId, LocalDate on, Instant at, RowWrites writes) {
        for (int i = 0; i < accepted.size(); i++) {
            RiskAcceptanceEntry row = accepted.get(i);
            if (proposalId.equals(row.proposalId())) {
                accepted.set(i, writes.next(row, row.endedAt(at, on)));
            }
        }
    }

    /** A provider change re-opened some pairs: nothing that counted towards them counts any longer. */
    void reopened(Collection<MeasurePhase> pairs, Instant at, RowWrites writes) {
        takeOut(counting, row -> pairs.contains(row.pair())).forEach(row -> writes.next(row, row.setAsideAt(at)));
        takeOut(accepted, row -> pairs.contains(row.pair())).forEach(row -> writes.next(row, row.setAsideAt(at)));
        derivedRows(at, writes);
    }

    /** Applies the renewal rule again to the counting evidence of the (measure, phase) pairs that changed. */
    private void renewals(Collection<MeasurePhase> changed, Instant at, RowWrites writes) {
        for (MeasurePhase pair : new LinkedHashSet<>(changed)) {
            List<CoverageEntry> ofPair = counting.stream().filter(row -> row.pair().equals(pair)).toList();
            for (CoverageEntry row : ofPair) {
                LocalDate renewedFrom = CoverageEntry.renewedFrom(row, ofPair);
                if (!renewedFrom.equals(row.renewedFrom())) {
                    counting.set(counting.indexOf(row), writes.next(row, row.renewedFromAt(at, renewedFrom)));
                }
            }
        }
    }

    /** The rows that follow from what applies and counts, again after each change; only changed ones are versioned. */
    private void derivedRows(Instant at, RowWrites writes) {
        openCounts(at, writes);
        certificatesAtStake(at, writes);
    }

    /** The open-count steps, from what now applies and counts. */
    private void openCounts(Instant at, RowWrites writes) {
        Map<MeasurePhase, List<Validity>> covers = new HashMap<>();
        counting.forEach(row -> covers.computeIfAbsent(row.pair(), pair -> new ArrayList<>()).add(row.validity()));
        accepted.forEach(row -> covers.computeIfAbsent(row.pair(), pair -> new ArrayList<>()).add(row.validity()));
        Map<MeasurePhase, List<Validity>> due = new HashMap<>();
        reviewsDue.forEach(row -> due.computeIfAbsent(row.pair(), pair -> new ArrayList<>()).add(row.validity()));
        List<OpenMeasuresStep.Step> wanted = new ArrayList<>(OpenMeasuresStep.of(
                applicable.stream().map(ApplicableMeasure::pair).toList(), covers, due));
        takeOut(steps, row -> !wanted.remove(row.step())).forEach(row -> writes.close(row, at));
        wanted.forEach(step -> steps.add(writes.added(new OpenMeasuresStep(serviceId, step, at))));
    }

    /** The service is closed (decommissioned, or archived as registered by mistake): none of its certificates is at stake any longer. */
    void decommissioned(Instant at, RowWrites writes) {
        decommissioned = true;
        certificatesAtStake(at, writes);
    }

    /** The certificates at stake, from what now applies and counts (none once decommissioned). */
    private void certificatesAtStake(Instant at, RowWrites writes) {
        List<CertificateAtStake.Stake> wanted = decommissioned ? new ArrayList<>() : new ArrayList<>(CertificateAtStake.of(
                applicable.stream().map(ApplicableMeasure::pair).collect(Collectors.toSet()), counting));
        takeOut(certificates, row -> !wanted.remove(row.stake())).forEach(row -> writes.close(row, at));
        wanted.forEach(stake -> certificates.add(writes.added(new CertificateAtStake(serviceId, stake, at))));
    }

    /** Removes the rows {@code which} picks from the current ones, in order, and returns them. */
    private static <T> List<T> takeOut(List<T> rows, Predicate<? super T> which) {
        List<T> taken = new ArrayList<>();
        rows.removeIf(row -> which.test(row) && taken.add(row));
        return taken;
    }

    /** Rows held, for the bound on what the projection keeps in memory. */
    int size() {
        int applicableAndCounting = compact != null ? compact.size() : applicable.size() + counting.size();
        return applicableAndCounting + accepted.size() + steps.size() + certificates.size() + reviewsDue.size();
    }
}
