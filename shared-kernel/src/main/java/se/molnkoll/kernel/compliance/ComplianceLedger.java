package se.molnkoll.kernel.compliance;

import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.MeasureStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What currently counts towards each (measure, phase) of one service: the evidence that covers it
 * and the risk acceptances made for it. It holds no dates of its own; statuses are asked for a day.
 */
public final class ComplianceLedger {

    private final Map<MeasurePhase, Map<EvidenceId, Validity>> evidence = new HashMap<>();
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

    public void addEvidence(EvidenceId evidenceId, Collection<MeasurePhase> covers, Validity validity) {
        covers.forEach(pair -> evidence.computeIfAbsent(pair, p -> new LinkedHashMap<>()).put(evidenceId, validity));
    }

    /** The evidence no longer counts anywhere (it was withdrawn). */
    public void removeEvidence(EvidenceId evidenceId) {
        evidence.values().forEach(byId -> byId.remove(evidenceId));
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
                evidence.getOrDefault(pair, Map.of()).values(),
                riskAcceptances.getOrDefault(pair, List.of()),
                reviewsDue.getOrDefault(pair, List.of()));
    }

    /** The pairs the evidence still counts towards (not set aside by a re-opening), in order. */
    public List<MeasurePhase> pairsCountedBy(EvidenceId evidenceId) {
        return evidence.entrySet().stream()
                .filter(entry -> entry.getValue().containsKey(evidenceId))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** The evidence that counts towards the pair, in the order it was recorded. */
    public List<EvidenceId> evidenceFor(MeasurePhase pair) {
        return List.copyOf(evidence.getOrDefault(pair, Map.of()).keySet());
    }
}
