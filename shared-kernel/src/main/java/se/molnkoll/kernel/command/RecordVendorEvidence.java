package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.vendor.VendorEvidence;

/** Record a certificate or audit report on the vendor, once for all its services; its id chosen by the sender (a UUID). */
public record RecordVendorEvidence(@TargetAggregateIdentifier VendorId vendorId, String vendorEvidenceId, VendorEvidence evidence) {
}
