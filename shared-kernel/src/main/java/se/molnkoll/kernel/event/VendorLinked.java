package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.VendorId;

/**
 * The service was linked to a vendor record ({@code vendorId}, named {@code vendorName} then), in place of
 * the vendor it named before ({@code vendorIdBefore}, null for a service that named its vendor only in
 * words), and why: a match confirmed by a contract manager, a vendor chosen at registration, a change of
 * provider.
 */
@Revision("1")
public record VendorLinked(CloudServiceId cloudServiceId, VendorId vendorIdBefore, VendorId vendorId, String vendorName,
                           String reason) implements CloudServiceEvent {
}
