package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.vendor.ContactPoint;

/** The vendor's contact for a purpose was given, changed ({@code before} and {@code after}) or taken away ({@code after} null). */
@Revision("1")
public record ContactPointChanged(VendorId vendorId, ContactPoint.Purpose purpose, ContactPoint before, ContactPoint after)
        implements VendorEvent {
}
