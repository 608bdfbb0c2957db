package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

/**
 * Record that a recurring review has passed its due date without being recorded, if it has. Idempotent
 * like {@link ExpireEvidence}; the expiry sweep sends it.
 */
public record MarkReviewDue(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        MeasureId measureId,
        Phase phase) {
}
