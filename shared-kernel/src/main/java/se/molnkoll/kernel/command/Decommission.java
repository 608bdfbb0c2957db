package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;

/** Close the service once its exit is complete. */
public record Decommission(@TargetAggregateIdentifier CloudServiceId cloudServiceId) {
}
