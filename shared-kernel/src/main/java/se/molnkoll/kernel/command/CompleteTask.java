package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;

/** Mark an open task done, with a note or null. */
public record CompleteTask(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        String taskId,
        String note) {
}
