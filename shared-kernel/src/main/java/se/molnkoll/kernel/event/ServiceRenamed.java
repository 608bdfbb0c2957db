package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;

/** The service's name was corrected or changed: the name before and after, and why. History keeps the value before. */
@Revision("1")
public record ServiceRenamed(
        CloudServiceId cloudServiceId,
        String before,
        String after,
        String reason) implements CloudServiceEvent {
}
