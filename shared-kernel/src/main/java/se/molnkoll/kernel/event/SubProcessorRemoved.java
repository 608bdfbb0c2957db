package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.vendor.SubProcessor;

import java.time.LocalDate;

/** The vendor no longer engages the sub-processor, as notified on {@code notifiedOn}; {@code subProcessor} is what it was. */
@Revision("1")
public record SubProcessorRemoved(VendorId vendorId, String subProcessorId, SubProcessor subProcessor, LocalDate notifiedOn,
                                  String reason) implements VendorEvent {
}
