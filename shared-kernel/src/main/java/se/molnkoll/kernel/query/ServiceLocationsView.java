package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.DeclaredLocations;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.compliance.LocationCheck;

import java.time.Instant;
import java.util.List;

/**
 * Where one service's data goes and whose law it answers to, as recorded at a moment, and what the location
 * check found then.
 *
 * @param vendor           the vendor as the register names it, in words
 * @param vendorId         the linked vendor record, or null
 * @param allowedLocations the classification's, or null while unclassified
 * @param locations        as declared, or null while none are
 * @param subProcessors    the sub-processors the declaration names, as the vendor's record has them at the moment
 * @param conflictSince    when the conflict (or its absence) as found began to hold
 */
public record ServiceLocationsView(
        CloudServiceId serviceId,
        String name,
        String organisationUnit,
        String vendor,
        @Nullable VendorId vendorId,
        @Nullable String vendorName,
        @Nullable String vendorCountry,
        @Nullable String parentCompany,
        @Nullable String parentCountry,
        @Nullable List<String> allowedLocations,
        @Nullable Boolean personalData,
        @Nullable String ownershipRequirement,
        @Nullable DeclaredLocations locations,
        List<UsedSubProcessor> subProcessors,
        List<LocationCheck.Conflict> conflicts,
        Instant conflictSince) {

    /** A sub-processor the service uses; {@code engaged} false when the vendor no longer engages it. */
    public record UsedSubProcessor(String subProcessorId, @Nullable String name, @Nullable String country,
                                   @Nullable String activity, List<String> processingCountries, boolean engaged) {
    }

    public boolean inConflict() {
        return !conflicts.isEmpty();
    }
}
