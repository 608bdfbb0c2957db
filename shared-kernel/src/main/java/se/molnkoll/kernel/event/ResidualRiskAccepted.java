package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.compliance.Validity;

import java.time.LocalDate;

/**
 * Whoever owns the risk accepted the remaining risk of a measure not being in place in a phase
 * (routine 4.1.2).
 *
 * @param acceptedOn the business date the acceptance was made, its first day; null in events
 *                   recorded before this field existed, which hold from the start
 * @param validUntil last day the acceptance holds (inclusive), or null if it has no end date
 */
@Revision("1")
public record ResidualRiskAccepted(
        CloudServiceId cloudServiceId,
        MeasureId measureId,
        Phase phase,
        String riskOwner,
        String motivation,
        LocalDate acceptedOn,
        LocalDate validUntil) implements CloudServiceEvent {

    /** The days the acceptance holds. */
    public Validity validity() {
        return new Validity(acceptedOn, validUntil);
    }
}
