package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;

/** Attach the document behind a piece of evidence, described by its SHA-256 (the bytes travel apart). */
public record AttachDocument(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        EvidenceId evidenceId,
        String sha256,
        long sizeBytes,
        String fileName,
        String mediaType) {
}
