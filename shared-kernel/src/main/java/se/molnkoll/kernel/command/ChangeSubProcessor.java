package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.vendor.SubProcessor;

import java.time.LocalDate;

/** Record a change of a sub-processor (where it processes, say), as notified on {@code notifiedOn}, and why. */
public record ChangeSubProcessor(@TargetAggregateIdentifier VendorId vendorId, String subProcessorId, SubProcessor subProcessor,
                                 LocalDate notifiedOn, String reason) {
}
