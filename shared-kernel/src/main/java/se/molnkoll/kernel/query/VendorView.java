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
        List<LinkedService> services,
        List<EvidenceAtVendor> evidence) {

    /**
     * Evidence recorded on the vendor, as it stands on the day asked about, and the services that adopted it.
     *
     * @param status VALID, EXPIRED (past its last day), NOT_YET_VALID or WITHDRAWN
     */
    public record EvidenceAtVendor(String vendorEvidenceId, se.molnkoll.kernel.vendor.VendorEvidence evidence, String status,
                                   @org.jspecify.annotations.Nullable String withdrawnBecause, List<Adopter> adoptedBy) {
    }

    /** A service leaning on the vendor's evidence, for the measures and phases it covers there ("27/ACQUIRE"). */
    public record Adopter(CloudServiceId serviceId, String name, String organisationUnit, List<String> covers) {
    }

    /** A sub-processor the vendor engages, as notified on {@code notifiedOn}. */
    public record EngagedSubProcessor(String subProcessorId, SubProcessor subProcessor, LocalDate notifiedOn) {
    }

    /** A service that names the vendor, and whether the location check finds a conflict in it. */
    public record LinkedService(CloudServiceId serviceId, String name, String organisationUnit, boolean inConflict) {
    }
}
