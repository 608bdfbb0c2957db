package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;

import java.time.LocalDate;

/** The exit is complete and the service is closed; nothing more can be recorded for it. */
@Revision("1")
public record ServiceDecommissioned(
        CloudServiceId cloudServiceId,
        LocalDate decommissionedOn) implements CloudServiceEvent {
}
