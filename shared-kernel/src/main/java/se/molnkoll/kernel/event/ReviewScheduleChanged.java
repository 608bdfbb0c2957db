package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

/**
 * An administrator changed how often a measure is reviewed in a phase: from {@code intervalMonthsBefore}
 * to {@code intervalMonths} (null: it does not recur), with the reason. It applies to the reviews scheduled
 * from then on; a date already set stands until that review is recorded.
 */
@Revision("1")
public record ReviewScheduleChanged(
        String settingsId,
        MeasureId measureId,
        Phase phase,
        Integer intervalMonthsBefore,
        Integer intervalMonths,
        String reason) implements SettingsEvent {

    /** The review schedule's settings aggregate. */
    public static final String SCHEDULE_ID = "00000000-0000-4000-8000-5c4ed01e0001";
}
