package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.vendor.VendorDetails;

/** Correct or change a vendor's details, with the reason the history keeps. */
public record CorrectVendorDetails(@TargetAggregateIdentifier VendorId vendorId, VendorDetails details, String reason) {
}
