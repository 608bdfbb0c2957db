package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.vendor.SubProcessor;

import java.time.LocalDate;

/** A sub-processor's details changed (it moved its processing, say), as notified on {@code notifiedOn}: before and after, and why. */
@Revision("1")
public record SubProcessorChanged(VendorId vendorId, String subProcessorId, SubProcessor before, SubProcessor after,
                                  LocalDate notifiedOn, String reason) implements VendorEvent {
}
