package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.time.LocalDate;

/**
 * Give an open measure (measure and phase) or a proposal waiting for the risk owner to a person, due on
 * a date: what would otherwise be kept in a spreadsheet beside Molnkoll.
 *
 * @param taskId   chosen by the sender (a UUID)
 * @param assignee the person's user name, as they sign in
 * @param note     what is to be done, or null
 */
public record AssignTask(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        String taskId,
        MeasureId measureId,
        Phase phase,
        String proposalId,
        String assignee,
        LocalDate dueOn,
        String note) {
}
