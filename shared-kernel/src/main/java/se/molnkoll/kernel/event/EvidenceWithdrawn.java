package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;

/** Evidence was withdrawn and no longer covers anything; its history stays. */
@Revision("1")
public record EvidenceWithdrawn(
        CloudServiceId cloudServiceId,
        EvidenceId evidenceId,
        String reason) implements CloudServiceEvent {
}
