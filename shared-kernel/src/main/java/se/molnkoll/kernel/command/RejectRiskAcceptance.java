package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;

/** The risk owner rejects a pending proposal, saying why. Never by the person who proposed it. */
public record RejectRiskAcceptance(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        String proposalId,
        String rejectedBy,
        String reason) {
}
