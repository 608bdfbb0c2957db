package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;

/**
 * Archive a service registered by mistake (a test, a duplicate): it leaves the register, the totals
 * and the dashboard and takes no further command; read by its id, its history stays whole. Not the
 * routine's end of life, which is decommissioning.
 */
public record ArchiveService(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        String reason) {
}
