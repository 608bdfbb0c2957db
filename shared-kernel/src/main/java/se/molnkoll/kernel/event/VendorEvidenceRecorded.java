package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.vendor.VendorEvidence;

/** A certificate or audit report was recorded on the vendor, for its services to adopt. */
@Revision("1")
public record VendorEvidenceRecorded(VendorId vendorId, String vendorEvidenceId, VendorEvidence evidence) implements VendorEvent {
}
