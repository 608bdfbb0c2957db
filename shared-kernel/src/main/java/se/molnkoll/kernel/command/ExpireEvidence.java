package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;

/**
 * Record that evidence has lapsed, if it has. Idempotent: sent again, or for evidence that is
 * withdrawn, already expired or still valid, it records nothing. The expiry sweep sends it.
 */
public record ExpireEvidence(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        EvidenceId evidenceId) {
}
