package se.molnkoll.query.measures;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.compliance.Validity;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many applicable measures of one service and phase are open, for a stretch of business days
 * ({@code fromDay} inclusive, {@code untilDay} exclusive; null is open-ended). A service's open
 * counts are a step function of the day: they change only where some evidence or risk acceptance
 * starts or ends. The projection keeps the steps with something open, versioned in recorded time like
 * every read-model row, so that the open counts of a whole portfolio on any day, as known at any
 * moment, are a sum over a few rows per service instead of a test of every applicable measure.
 */
@Entity
@Table(name = "open_measure_step")
public class OpenMeasuresStep extends VersionedRow {

    private String serviceId;
    @Enumerated(EnumType.STRING)
    private Phase phase;
    private LocalDate fromDay;
    private LocalDate untilDay;
    private int openCount;

    protected OpenMeasuresStep() {
    }

    OpenMeasuresStep(String serviceId, Step step, Instant from) {
        super(from);
        this.serviceId = serviceId;
        this.phase = step.phase();
        this.fromDay = step.from();
        this.untilDay = step.until();
        this.openCount = step.open();
    }

    String serviceId() {
        return serviceId;
    }

    Step step() {
        return new Step(phase, fromDay, untilDay, openCount);
    }

    /** One step: {@code open} measures of the phase are open from {@code from} (inclusive) until {@code until} (exclusive). */
    record Step(Phase phase, LocalDate from, LocalDate until, int open) {
    }

    /**
     * The steps of one service, with something open, by phase and day: a measure is open on a day
     * when it applies and no evidence or risk acceptance that counts is valid on that day
     * ({@link se.molnkoll.kernel.compliance.MeasureStatusRule}).
     *
     * @param applicable the measures that apply to the service
     * @param covers     per measure, the validities of what counts towards it
     */
    static List<Step> of(Collection<MeasurePhase> applicable, Map<MeasurePhase, List<Validity>> covers) {
        return of(applicable, covers, Map.of());
    }

    /**
     * As {@link #of(Collection, Map)}, where a covered or accepted measure is open again on the days its
     * recurring review was past due ({@code reviewsDue}): REVIEW_DUE counts as open.
     */
    static List<Step> of(Collection<MeasurePhase> applicable, Map<MeasurePhase, List<Validity>> covers,
                         Map<MeasurePhase, List<Validity>> reviewsDue) {
        // days as points on a line: MIN and MAX stand for "no start" and "no end"
        Map<Phase, TreeMap<LocalDate, Integer>> changes = new EnumMap<>(Phase.class);
        for (MeasurePhase pair : applicable) {
            TreeMap<LocalDate, Integer> change = changes.computeIfAbsent(pair.phase(), p -> new TreeMap<>());
            change.merge(LocalDate.MIN, 1, Integer::sum); // open, until something covers it
            for (LocalDate[] covered : minus(merged(covers.getOrDefault(pair, List.of())),
                    merged(reviewsDue.getOrDefault(pair, List.of())))) {
                change.merge(covered[0], -1, Integer::sum);
                if (!covered[1].equals(LocalDate.MAX)) {
                    change.merge(covered[1], 1, Integer::sum);
                }
            }
        }
        List<Step> steps = new ArrayList<>();
        changes.forEach((phase, change) -> {
            int open = 0;
            LocalDate start = null;
            for (Map.Entry<LocalDate, Integer> at : change.entrySet()) {
                int next = open + at.getValue();
                if (next == open) {
                    continue;
                }
                if (open > 0) {
                    steps.add(new Step(phase, day(start), day(at.getKey()), open));
                }
                open = next;
                start = at.getKey();
            }
            if (open > 0) {
                steps.add(new Step(phase, day(start), null, open));
            }
        });
        return steps;
    }

    /** The days covered, as disjoint, non-adjacent [from, until) stretches in order. */
    private static List<LocalDate[]> merged(List<Validity> validities) {
        List<LocalDate[]> stretches = validities.stream()
                .filter(v -> !v.isEmpty())
                .map(v -> new LocalDate[]{v.from() == null ? LocalDate.MIN : v.from(),
                        v.until() == null ? LocalDate.MAX : v.until().plusDays(1)})
                .sorted(Comparator.comparing(stretch -> stretch[0]))
                .toList();
        List<LocalDate[]> merged = new ArrayList<>();
        for (LocalDate[] stretch : stretches) {
            LocalDate[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !stretch[0].isAfter(last[1])) {
                if (stretch[1].isAfter(last[1])) {
                    last[1] = stretch[1];
                }
            } else {
                merged.add(stretch.clone());
            }
        }
        return merged;
    }

    /** The stretches of {@code covered} outside every stretch of {@code removed}; both disjoint and in order. */
    private static List<LocalDate[]> minus(List<LocalDate[]> covered, List<LocalDate[]> removed) {
        if (removed.isEmpty()) {
            return covered;
        }
        List<LocalDate[]> left = new ArrayList<>();
        for (LocalDate[] stretch : covered) {
            LocalDate from = stretch[0];
            for (LocalDate[] cut : removed) {
                if (!cut[1].isAfter(from) || !cut[0].isBefore(stretch[1])) {
                    continue; // before what is left, or after the stretch
                }
                if (cut[0].isAfter(from)) {
                    left.add(new LocalDate[]{from, cut[0]});
                }
                from = cut[1].isAfter(from) ? cut[1] : from;
                if (!from.isBefore(stretch[1])) {
                    break;
                }
            }
            if (from.isBefore(stretch[1])) {
                left.add(new LocalDate[]{from, stretch[1]});
            }
        }
        return left;
    }

    private static LocalDate day(LocalDate point) {
        return point == null || point.equals(LocalDate.MIN) || point.equals(LocalDate.MAX) ? null : point;
    }
}
