package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.time.LocalDate;

/**
 * A recurring review was not recorded by its due date: from {@code from} (the day after) the measure is
 * REVIEW_DUE (if it was covered or risk-accepted) until the review is recorded. Recorded once, by the sweep.
 */
@Revision("1")
public record ReviewFellDue(
        CloudServiceId cloudServiceId,
        MeasureId measureId,
        Phase phase,
        LocalDate from) implements CloudServiceEvent {
}
