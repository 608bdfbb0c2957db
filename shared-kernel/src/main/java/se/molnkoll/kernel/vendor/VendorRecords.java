package se.molnkoll.kernel.vendor;

import se.molnkoll.kernel.VendorId;

import java.util.Optional;

/**
 * The vendors as their events make them, for a service's aggregate to know the vendor it links to: read
 * from the event store, so it is never behind what was recorded.
 */
public interface VendorRecords {

    Optional<VendorRecord> find(VendorId vendorId);
}
