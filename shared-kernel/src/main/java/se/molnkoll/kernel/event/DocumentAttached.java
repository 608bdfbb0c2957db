package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;

/**
 * A document (the certificate, report or contract itself) was attached to evidence. The bytes are
 * kept beside the event store; the event records their SHA-256, so any later change is detected.
 *
 * @param sha256 lower-case hexadecimal SHA-256 of the document's bytes
 */
@Revision("1")
public record DocumentAttached(
        CloudServiceId cloudServiceId,
        EvidenceId evidenceId,
        String sha256,
        long sizeBytes,
        String fileName,
        String mediaType) implements CloudServiceEvent {
}
