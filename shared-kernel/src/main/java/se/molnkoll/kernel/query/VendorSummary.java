package se.molnkoll.kernel.query;

import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.vendor.VendorDetails;

/** A vendor in the list: who it is, how many services name it, how many sub-processors it engages. */
public record VendorSummary(VendorId vendorId, VendorDetails details, int services, int subProcessors, int servicesInConflict) {
}
