package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.VendorId;

/** Evidence recorded on the vendor was withdrawn (revoked by its issuer, say): it ends for every service that adopted it. */
@Revision("1")
public record VendorEvidenceWithdrawn(VendorId vendorId, String vendorEvidenceId, String reason) implements VendorEvent {
}
