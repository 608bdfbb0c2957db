package se.molnkoll.kernel.query;

import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.vendor.ContactPoint;
import se.molnkoll.kernel.vendor.SubProcessor;
import se.molnkoll.kernel.vendor.VendorDetails;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A vendor as recorded at a moment. */
public record VendorView(
        VendorId vendorId,
        VendorDetails details,
        Instant registeredAt,
        String registeredBy,
        List<ContactPoint> contacts,
        List<EngagedSubProcessor> subProcessors,
        List<LinkedService> services) {

    /** A sub-processor the vendor engages, as notified on {@code notifiedOn}. */
    public record EngagedSubProcessor(String subProcessorId, SubProcessor subProcessor, LocalDate notifiedOn) {
    }

    /** A service that names the vendor, and whether the location check finds a conflict in it. */
    public record LinkedService(CloudServiceId serviceId, String name, String organisationUnit, boolean inConflict) {
    }
}
