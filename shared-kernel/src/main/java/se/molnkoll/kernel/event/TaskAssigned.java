package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.time.LocalDate;

/**
 * An open measure in a phase ({@code measureId} and {@code phase}), or a proposal waiting for the risk
 * owner ({@code proposalId}), was given to a person, due on a date.
 */
@Revision("1")
public record TaskAssigned(
        CloudServiceId cloudServiceId,
        String taskId,
        MeasureId measureId,
        Phase phase,
        String proposalId,
        String assignee,
        LocalDate dueOn,
        String note) implements CloudServiceEvent {
}
