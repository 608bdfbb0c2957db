package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;

/** The service was archived as registered by mistake, for the reason given; nothing more is recorded about it. */
@Revision("1")
public record ServiceArchived(
        CloudServiceId cloudServiceId,
        String reason) implements CloudServiceEvent {
}
