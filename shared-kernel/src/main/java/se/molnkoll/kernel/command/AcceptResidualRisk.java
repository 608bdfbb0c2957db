package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.time.LocalDate;

/** Record that the risk owner accepts the remaining risk of a measure not being in place. */
public record AcceptResidualRisk(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        MeasureId measureId,
        Phase phase,
        String riskOwner,
        String motivation,
        LocalDate validUntil) {
}
