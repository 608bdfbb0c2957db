package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.vendor.SubProcessor;

import java.time.LocalDate;

/** The vendor engages a sub-processor, as it notified the region on {@code notifiedOn} (GDPR art. 28.2). */
@Revision("1")
public record SubProcessorAdded(VendorId vendorId, String subProcessorId, SubProcessor subProcessor, LocalDate notifiedOn)
        implements VendorEvent {
}
