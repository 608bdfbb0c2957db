package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;

import java.time.LocalDate;

/** Give an open task to another person, or move its due date, or both; with a note, or null. */
public record ReassignTask(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        String taskId,
        String assignee,
        LocalDate dueOn,
        String note) {
}
