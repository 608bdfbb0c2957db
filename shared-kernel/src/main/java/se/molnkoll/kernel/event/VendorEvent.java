package se.molnkoll.kernel.event;

import se.molnkoll.kernel.VendorId;

/**
 * A fact about one vendor: who it is, how to reach it, which sub-processors it engages. Recorded on the
 * vendor's own aggregate, in the audit trail and the hash chain like a service's events.
 */
public sealed interface VendorEvent permits VendorRegistered, VendorDetailsCorrected, ContactPointChanged, SubProcessorAdded,
        SubProcessorChanged, SubProcessorRemoved, VendorEvidenceRecorded, VendorEvidenceWithdrawn {

    VendorId vendorId();
}
