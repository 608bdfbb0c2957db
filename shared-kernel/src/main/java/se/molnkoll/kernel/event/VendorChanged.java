package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;

/** The service's vendor was corrected, or changed (bought by another, say): the vendor before and after, and why. History keeps the value before. */
@Revision("1")
public record VendorChanged(
        CloudServiceId cloudServiceId,
        String before,
        String after,
        String reason) implements CloudServiceEvent {
}
