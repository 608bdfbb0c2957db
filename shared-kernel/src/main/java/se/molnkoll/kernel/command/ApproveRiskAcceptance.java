package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;

/**
 * The risk owner approves a pending proposal: from today through the proposal's end date the measure is
 * risk-accepted in its phase. Never by the person who proposed it.
 *
 * @param approvedBy the signed-in risk owner
 * @param note       what the risk owner adds, or null
 */
public record ApproveRiskAcceptance(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        String proposalId,
        String approvedBy,
        String note) {
}
