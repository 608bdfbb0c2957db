package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.VendorId;

import java.time.LocalDate;

/** Record that the vendor no longer engages a sub-processor, as notified on {@code notifiedOn}, and why. */
public record RemoveSubProcessor(@TargetAggregateIdentifier VendorId vendorId, String subProcessorId, LocalDate notifiedOn,
                                 String reason) {
}
