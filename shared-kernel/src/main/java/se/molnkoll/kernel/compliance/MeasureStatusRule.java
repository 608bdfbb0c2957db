package se.molnkoll.kernel.compliance;

import se.molnkoll.kernel.MeasureStatus;

import java.time.LocalDate;
import java.util.Collection;

/**
 * The status of one applicable (measure, phase) on a day:
 * <ol>
 *     <li>{@code COVERED} when evidence that still counts is valid on the day;</li>
 *     <li>else {@code RISK_ACCEPTED} when a risk acceptance is in force on the day;</li>
 *     <li>else {@code EXPIRED} when it has evidence that still counts and all of it ended before the day;</li>
 *     <li>else {@code OPEN}.</li>
 * </ol>
 * Evidence that was withdrawn, or set aside when the measure was re-opened, does not count and must
 * not be passed in.
 */
public final class MeasureStatusRule {

    private MeasureStatusRule() {
    }

    public static MeasureStatus statusOn(LocalDate day, Collection<Validity> evidence,
                                         Collection<Validity> riskAcceptances) {
        if (evidence.stream().anyMatch(v -> v.includes(day))) {
            return MeasureStatus.COVERED;
        }
        if (riskAcceptances.stream().anyMatch(v -> v.includes(day))) {
            return MeasureStatus.RISK_ACCEPTED;
        }
        if (!evidence.isEmpty() && evidence.stream().allMatch(v -> v.endedBefore(day))) {
            return MeasureStatus.EXPIRED;
        }
        return MeasureStatus.OPEN;
    }
}
