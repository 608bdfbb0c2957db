package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.command.RecordReview;

import java.time.LocalDate;

/** The recurring review of a measure was done: what it found, by whom, and when the next is due. */
@Revision("1")
public record ReviewRecorded(
        CloudServiceId cloudServiceId,
        MeasureId measureId,
        Phase phase,
        LocalDate reviewedOn,
        RecordReview.ReviewOutcome outcome,
        String note,
        String reference,
        String reviewer,
        LocalDate nextDueOn) implements CloudServiceEvent {
}
