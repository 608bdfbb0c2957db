package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.vendor.VendorDetails;

/** A vendor was registered, with who it is in law. */
@Revision("1")
public record VendorRegistered(VendorId vendorId, VendorDetails details) implements VendorEvent {
}
