package se.molnkoll.kernel.compliance;

import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.MeasureStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What currently counts towards each (measure, phase) of one service: the evidence that covers it
 * and the risk acceptances made for it. It holds no dates of its own; statuses are asked for a day.
 *
 * <p>Every cached service holds one (the command side keeps 10,000 services), so the evidence per pair is a small
 * immutable list, in the order it was recorded, and the pairs are shared instances: at the benchmark's full size, a map per
 * pair and a pair per event took about 135 MB of a 448 MB heap (580,000 maps; a heap histogram and the JVM's old
 * object samples), against about 20 MB so.
 */
public final class ComplianceLedger {

    /** One instance of each pair for every ledger: the events hold copies, one per event. */
    private static final Map<MeasurePhase, MeasurePhase> PAIRS = new ConcurrentHashMap<>();

    /** Per pair, the evidence that counts towards it, in the order recorded: never empty, immutable. */
    private final Map<MeasurePhase, List<Counted>> evidence = new HashMap<>();
    private final Map<MeasurePhase, List<Validity>> riskAcceptances = new HashMap<>();
    /** The days each pair's recurring review was (or is) past due: open-ended until the review is recorded. */
    private final Map<MeasurePhase, List<Validity>> reviewsDue = new HashMap<>();

    /** From the day on, the pair's review is past due. */
    public void reviewFellDue(MeasurePhase pair, LocalDate from) {
        reviewsDue.computeIfAbsent(pair, p -> new ArrayList<>()).add(new Validity(from, null));
    }

    /** The review was recorded on the day: it is no longer past due from then on. */
    public void reviewed(MeasurePhase pair, LocalDate on) {
        reviewsDue.computeIfPresent(pair, (p, due) -> new ArrayList<>(due.stream().map(v -> v.endingBefore(on)).toList()));
    }

    /** The evidence counts towards these pairs, valid so; evidence recorded again under its id keeps its place. */
    public void addEvidence(EvidenceId evidenceId, Collection<MeasurePhase> covers, Validity validity) {
        Counted counted = new Counted(evidenceId, validity);
        covers.forEach(pair -> evidence.merge(PAIRS.computeIfAbsent(pair, p -> p), List.of(counted),
                (held, added) -> with(held, counted)));
    }

    /** The evidence no longer counts anywhere (it was withdrawn). */
    public void removeEvidence(EvidenceId evidenceId) {
        evidence.replaceAll((pair, held) -> without(held, evidenceId));
        evidence.values().removeIf(List::isEmpty);
    }

    public void acceptRisk(MeasurePhase pair, Validity validity) {
        riskAcceptances.computeIfAbsent(pair, p -> new ArrayList<>()).add(validity);
    }

    /** From the day on, no acceptance of the pair counts; on the days before, each counts as it did. */
    public void revokeRisk(MeasurePhase pair, LocalDate from) {
        riskAcceptances.computeIfPresent(pair, (p, acceptances) -> new ArrayList<>(acceptances.stream()
                .map(validity -> validity.endingBefore(from)).toList()));
    }

    /** Whether an acceptance of the pair would count on the day or later. */
    public boolean riskAcceptedOnOrAfter(MeasurePhase pair, LocalDate day) {
        return riskAcceptances.getOrDefault(pair, List.of()).stream()
                .anyMatch(validity -> !validity.isEmpty() && !validity.endedBefore(day));
    }

    /** Everything that counted towards the pair is set aside: it must be done again. */
    public void reopen(MeasurePhase pair) {
        evidence.remove(pair);
        riskAcceptances.remove(pair);
    }

    public MeasureStatus statusOn(MeasurePhase pair, LocalDate day) {
        return MeasureStatusRule.statusOn(day,
                evidence.getOrDefault(pair, List.of()).stream().map(Counted::validity).toList(),
                riskAcceptances.getOrDefault(pair, List.of()),
                reviewsDue.getOrDefault(pair, List.of()));
    }

    /** The pairs the evidence still counts towards (not set aside by a re-opening), in order. */
    public List<MeasurePhase> pairsCountedBy(EvidenceId evidenceId) {
        return evidence.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(counted -> counted.evidenceId().equals(evidenceId)))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** The evidence that counts towards the pair, in the order it was recorded. */
    public List<EvidenceId> evidenceFor(MeasurePhase pair) {
        return evidence.getOrDefault(pair, List.of()).stream().map(Counted::evidenceId).toList();
    }

    /** The held evidence with {@code counted} in place of the same id's, or after the rest. */
    private static List<Counted> with(List<Counted> held, Counted counted) {
        List<Counted> changed = new ArrayList<>(held);
        for (int i = 0; i < changed.size(); i++) {
            if (changed.get(i).evidenceId().equals(counted.evidenceId())) {
                changed.set(i, counted);
                return List.copyOf(changed);
            }
        }
        changed.add(counted);
        return List.copyOf(changed);
    }

    private static List<Counted> without(List<Counted> held, EvidenceId evidenceId) {
        return held.stream().anyMatch(counted -> counted.evidenceId().equals(evidenceId))
                ? held.stream().filter(counted -> !counted.evidenceId().equals(evidenceId)).toList()
                : held;
    }

    /** A piece of evidence counted towards a pair, valid so. */
    private record Counted(EvidenceId evidenceId, Validity validity) {
    }
}
