package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;

import java.time.LocalDate;

/** Record a change the provider made to the service (measure 17). */
public record RecordProviderChange(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        String description,
        LocalDate changedOn) {
}
