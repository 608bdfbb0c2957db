package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.DeclaredLocations;

/** Declare where the service's data is stored and processed, and which of its vendor's sub-processors it uses. */
public record DeclareLocations(@TargetAggregateIdentifier CloudServiceId cloudServiceId, DeclaredLocations locations) {
}
