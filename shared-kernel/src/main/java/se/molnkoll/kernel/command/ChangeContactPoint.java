package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.vendor.ContactPoint;

/** Give, change or ({@code contact} null) take away the vendor's contact for a purpose. */
public record ChangeContactPoint(@TargetAggregateIdentifier VendorId vendorId, ContactPoint.Purpose purpose, ContactPoint contact) {
}
