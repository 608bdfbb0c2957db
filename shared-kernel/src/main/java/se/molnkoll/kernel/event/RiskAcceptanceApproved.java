package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.compliance.Validity;

import java.time.LocalDate;

/**
 * The risk owner approved a proposed acceptance: the measure is risk-accepted in the phase from
 * {@code approvedOn} through {@code validUntil}, both inclusive. It repeats what was proposed, so that
 * the event alone says what was signed.
 *
 * @param note what the risk owner added, or null
 */
@Revision("1")
public record RiskAcceptanceApproved(
        CloudServiceId cloudServiceId,
        String proposalId,
        MeasureId measureId,
        Phase phase,
        String residualRisk,
        String motivation,
        String proposedBy,
        String approvedBy,
        LocalDate approvedOn,
        LocalDate validUntil,
        String note) implements CloudServiceEvent {

    /** The days the acceptance holds. */
    public Validity validity() {
        return new Validity(approvedOn, validUntil);
    }
}
