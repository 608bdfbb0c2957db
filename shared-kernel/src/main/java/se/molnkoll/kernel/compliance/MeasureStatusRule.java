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
 * A covered or risk-accepted measure whose recurring review is past due is {@code REVIEW_DUE}.
 * Evidence that was withdrawn, or set aside when the measure was re-opened, does not count and must
 * not be passed in.
 */
public final class MeasureStatusRule {

    private MeasureStatusRule() {
    }

    /**
     * As {@link #statusOn(LocalDate, Collection, Collection)}; a measure covered or risk-accepted on the day
     * is {@code REVIEW_DUE} instead when one of {@code reviewsDue} (the days its recurring review was past
     * due) includes the day.
     */
    public static MeasureStatus statusOn(LocalDate day, Collection<Validity> evidence, Collection<Validity> riskAcceptances,
                                         Collection<Validity> reviewsDue) {
        MeasureStatus status = statusOn(day, evidence, riskAcceptances);
        boolean done = status == MeasureStatus.COVERED || status == MeasureStatus.RISK_ACCEPTED;
        return done && reviewsDue.stream().anyMatch(v -> v.includes(day)) ? MeasureStatus.REVIEW_DUE : status;
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
