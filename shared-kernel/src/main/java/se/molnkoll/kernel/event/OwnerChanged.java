package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;

/** The service has another owner, or its owner's name was corrected: the owner before and after, and why. History keeps the value before. */
@Revision("1")
public record OwnerChanged(
        CloudServiceId cloudServiceId,
        String before,
        String after,
        String reason) implements CloudServiceEvent {
}
