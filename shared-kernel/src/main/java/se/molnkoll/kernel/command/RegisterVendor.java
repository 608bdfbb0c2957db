package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.vendor.VendorDetails;

/** Register a vendor: who provides cloud services, in law. */
public record RegisterVendor(@TargetAggregateIdentifier VendorId vendorId, VendorDetails details) {
}
