package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.time.LocalDate;

/**
 * A residual-risk acceptance was proposed for the risk owner to approve or reject; it counts for
 * nothing yet.
 *
 * @param proposedOn the business date of the proposal
 */
@Revision("1")
public record RiskAcceptanceProposed(
        CloudServiceId cloudServiceId,
        String proposalId,
        MeasureId measureId,
        Phase phase,
        String residualRisk,
        String motivation,
        LocalDate validUntil,
        String proposedBy,
        LocalDate proposedOn) implements CloudServiceEvent {
}
