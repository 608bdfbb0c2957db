package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

/**
 * Change how often a measure is reviewed in a phase (intervalMonths 1–60), or stop it recurring (null), with
 * the reason. Sent to the review schedule's settings aggregate ({@link se.molnkoll.kernel.event.ReviewScheduleChanged#SCHEDULE_ID}).
 */
public record ChangeReviewSchedule(
        @TargetAggregateIdentifier String settingsId,
        MeasureId measureId,
        Phase phase,
        Integer intervalMonths,
        String reason) {
}
