package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.VendorId;

/** Link the service to a vendor record, with the reason (a confirmed match, a change of provider). */
public record LinkVendor(@TargetAggregateIdentifier CloudServiceId cloudServiceId, VendorId vendorId, String reason) {
}
