package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.time.LocalDate;

/** The risk owner rejected a proposed acceptance; the measure stays as it was. */
@Revision("1")
public record RiskAcceptanceRejected(
        CloudServiceId cloudServiceId,
        String proposalId,
        MeasureId measureId,
        Phase phase,
        String rejectedBy,
        LocalDate rejectedOn,
        String reason) implements CloudServiceEvent {
}
