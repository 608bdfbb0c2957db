package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.VendorId;

/** Withdraw evidence recorded on the vendor, with the reason; every service that adopted it loses it. */
public record WithdrawVendorEvidence(@TargetAggregateIdentifier VendorId vendorId, String vendorEvidenceId, String reason) {
}
