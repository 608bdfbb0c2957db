package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.vendor.VendorDetails;

/** A vendor's details were corrected, or changed (it was bought, say): before and after, and why. */
@Revision("1")
public record VendorDetailsCorrected(VendorId vendorId, VendorDetails before, VendorDetails after, String reason)
        implements VendorEvent {
}
