package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;

import java.time.LocalDate;

/** The contract ends: the service enters the exit phase. */
public record TerminateContract(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        LocalDate terminatedOn,
        String reason) {
}
