package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;

import java.time.LocalDate;

/** An open task was given to another person or moved to another due date: before and after, and why. */
@Revision("1")
public record TaskReassigned(
        CloudServiceId cloudServiceId,
        String taskId,
        String assigneeBefore,
        String assignee,
        LocalDate dueOnBefore,
        LocalDate dueOn,
        String note) implements CloudServiceEvent {
}
