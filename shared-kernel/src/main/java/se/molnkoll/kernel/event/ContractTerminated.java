package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;

import java.time.LocalDate;

/** The contract was terminated; the service is in the exit phase. */
@Revision("1")
public record ContractTerminated(
        CloudServiceId cloudServiceId,
        LocalDate terminatedOn,
        String reason) implements CloudServiceEvent {
}
