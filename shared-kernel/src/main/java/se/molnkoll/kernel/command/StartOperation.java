package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;

/** Take the service from acquisition into operation. */
public record StartOperation(@TargetAggregateIdentifier CloudServiceId cloudServiceId) {
}
