package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;

import java.time.LocalDate;

/** The service went from acquisition into operation. */
@Revision("1")
public record OperationStarted(
        CloudServiceId cloudServiceId,
        LocalDate startedOn) implements CloudServiceEvent {
}
