package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.VendorId;

/** A service that names its vendor only in words, and the vendor record proposed for it (null: none matches). */
public record VendorLinkProposal(CloudServiceId serviceId, String name, String organisationUnit, String vendor,
                                 @Nullable VendorId proposedVendorId, @Nullable String proposedVendorName) {
}
