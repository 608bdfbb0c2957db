package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;

/**
 * Record that an approved acceptance has reached its end, if it has. Idempotent like
 * {@link ExpireEvidence}: sent again, or for an acceptance not yet at its end, revoked or set aside, it
 * records nothing. The expiry sweep sends it.
 */
public record EndRiskAcceptance(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        String proposalId) {
}
