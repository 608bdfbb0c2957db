package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

/**
 * Record the recurring review of a measure in operation (review schedule): its outcome, a note, an
 * optional reference to the document it produced, and who reviewed; the next review is due one interval on.
 *
 * @param reviewer the signed-in user
 */
public record RecordReview(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        MeasureId measureId,
        Phase phase,
        ReviewOutcome outcome,
        String note,
        String reference,
        String reviewer) {

    /** What the review found. */
    public enum ReviewOutcome { OK, ACTION_NEEDED }
}
