package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.vendor.SubProcessor;

import java.time.LocalDate;

/** Record a sub-processor the vendor engages, as notified on {@code notifiedOn}; its id chosen by the sender (a UUID). */
public record AddSubProcessor(@TargetAggregateIdentifier VendorId vendorId, String subProcessorId, SubProcessor subProcessor,
                              LocalDate notifiedOn) {
}
