package se.molnkoll.kernel.query;

import se.molnkoll.kernel.VendorId;

/** One vendor as recorded at the moment, with its contacts, sub-processors and the services that name it. */
public record FindVendor(VendorId vendorId, Moment moment) {
}
