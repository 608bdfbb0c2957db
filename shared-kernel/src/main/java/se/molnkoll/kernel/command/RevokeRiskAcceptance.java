package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.time.LocalDate;

/**
 * Revoke the risk accepted for a measure in a phase, from a business date on: given in error, or no
 * longer acceptable. From that date the acceptances of the pair no longer count; before it they did,
 * and history keeps them as they were.
 */
public record RevokeRiskAcceptance(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        MeasureId measureId,
        Phase phase,
        LocalDate revokedFrom,
        String reason) {
}
