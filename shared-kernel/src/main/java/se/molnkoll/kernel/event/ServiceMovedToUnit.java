package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;

/** The service moved to another organisation unit (a reorganisation, or a unit registered wrongly): the organisation unit before and after, and why. History keeps the value before. */
@Revision("1")
public record ServiceMovedToUnit(
        CloudServiceId cloudServiceId,
        String before,
        String after,
        String reason) implements CloudServiceEvent {
}
