package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.time.LocalDate;

/**
 * A recurring review of a measure in a phase is due by {@code dueOn} (inclusive): when the service went
 * into operation, or when the measure came to apply to it in operation, one interval of the review
 * schedule on. After a review, {@link ReviewRecorded} says when the next is due.
 */
@Revision("1")
public record ReviewScheduled(
        CloudServiceId cloudServiceId,
        MeasureId measureId,
        Phase phase,
        LocalDate dueOn) implements CloudServiceEvent {
}
