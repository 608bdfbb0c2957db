package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.time.LocalDate;

/**
 * Whoever owns the risk accepted the remaining risk of a measure not being in place in a phase
 * (routine 4.1.2).
 *
 * @param validUntil last day the acceptance holds (inclusive), or null if it has no end date
 */
@Revision("1")
public record ResidualRiskAccepted(
        CloudServiceId cloudServiceId,
        MeasureId measureId,
        Phase phase,
        String riskOwner,
        String motivation,
        LocalDate validUntil) implements CloudServiceEvent {
}
