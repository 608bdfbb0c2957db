package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.time.LocalDate;

/**
 * Propose that the risk owner accept the risk that remains when a measure is not (fully) in place in a
 * phase (routine 4.1.2: remaining risks "ska tydligt identifieras och godkännas av den som äger risken").
 * It counts for nothing until a risk owner other than the proposer approves it.
 *
 * @param proposalId   chosen by the sender (a UUID), so that the proposal can be named before it is recorded
 * @param residualRisk the risk that remains
 * @param motivation   why the measure cannot take it further
 * @param validUntil   the last day the acceptance would hold; mandatory and at most
 *                     {@link RiskAcceptancePolicy#longest()} ahead
 * @param proposedBy   the signed-in user who proposes it (never the approver)
 */
public record ProposeRiskAcceptance(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        String proposalId,
        MeasureId measureId,
        Phase phase,
        String residualRisk,
        String motivation,
        LocalDate validUntil,
        String proposedBy) {
}
