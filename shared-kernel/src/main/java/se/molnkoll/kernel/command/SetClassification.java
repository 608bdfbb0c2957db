package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.CloudServiceId;

/** Set (or change) the classification of the information the service handles. */
public record SetClassification(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        Classification classification) {
}
