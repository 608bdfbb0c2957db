package se.molnkoll.kernel.compliance;

import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.DeclaredLocations;
import se.molnkoll.kernel.catalogue.CountryRules;
import se.molnkoll.kernel.vendor.SubProcessor;
import se.molnkoll.kernel.vendor.VendorDetails;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks where a service's data actually is, and whose law its provider and sub-processors answer to,
 * against what its classification allows (routine §2, §4.1.1, measures 3 and 24):
 * <ul>
 *   <li>every country where the provider or a sub-processor the service uses stores or processes its data
 *   must be among the classification's allowed locations, when it names any ({@link Kind#LOCATION_NOT_ALLOWED});
 *   "EU/EEA" allows each of its members, as the country rules list them;</li>
 *   <li>when the classification states a requirement on ownership and control, the countries the provider,
 *   its parent company and the sub-processors (and theirs) are registered in must be allowed too
 *   ({@link Kind#JURISDICTION_NOT_ALLOWED});</li>
 *   <li>personal data may go outside the EU/EEA only to a country with a whole adequacy decision (GDPR
 *   art. 45), whatever the classification lists ({@link Kind#THIRD_COUNTRY_TRANSFER}); nor may a provider or
 *   sub-processor handling it answer to such a country's law without one ({@link Kind#THIRD_COUNTRY_LAW}).</li>
 * </ul>
 * An adequacy decision does not widen what a classification allows: the classification is the region's
 * own, stricter requirement.
 */
public final class LocationCheck {

    private LocationCheck() {
    }

    public enum Kind { LOCATION_NOT_ALLOWED, JURISDICTION_NOT_ALLOWED, THIRD_COUNTRY_TRANSFER, THIRD_COUNTRY_LAW }

    /** Who puts the data, or the law, in the country. */
    public enum Source { PROVIDER_STORAGE, PROVIDER_PROCESSING, SUB_PROCESSOR_PROCESSING, PROVIDER, PROVIDER_PARENT, SUB_PROCESSOR }

    /**
     * One conflict: of which kind, the country, who puts the data or law there, and their name (the
     * sub-processor's or the vendor's; null for the provider's own locations).
     */
    public record Conflict(Kind kind, String country, Source source, @Nullable String by) {
    }

    /**
     * The conflicts of a service, in a stable order; empty when it has none, or when its locations are
     * not declared (nothing is known to check).
     *
     * @param vendor        the linked vendor's details, or null if the service names no vendor record
     * @param subProcessors the sub-processors the service uses, by id, as the vendor's record has them now
     */
    public static List<Conflict> check(Classification classification, @Nullable DeclaredLocations locations,
                                       @Nullable VendorDetails vendor, Map<String, SubProcessor> subProcessors,
                                       CountryRules rules) {
        if (locations == null) {
            return List.of();
        }
        Set<Conflict> conflicts = new LinkedHashSet<>();
        locations.storageCountries().forEach(c -> place(conflicts, classification, rules, c, Source.PROVIDER_STORAGE, null));
        locations.processingCountries().forEach(c -> place(conflicts, classification, rules, c, Source.PROVIDER_PROCESSING, null));
        for (String id : locations.subProcessorIds()) {
            SubProcessor used = subProcessors.get(id);
            if (used != null) {
                used.processingCountries().forEach(c -> place(conflicts, classification, rules, c, Source.SUB_PROCESSOR_PROCESSING, used.name()));
            }
        }
        if (vendor != null) {
            law(conflicts, classification, rules, vendor.country(), Source.PROVIDER, vendor.name());
            if (vendor.parentCountry() != null) {
                law(conflicts, classification, rules, vendor.parentCountry(), Source.PROVIDER_PARENT, vendor.parentCompany());
            }
        }
        for (String id : locations.subProcessorIds()) {
            SubProcessor used = subProcessors.get(id);
            if (used != null) {
                used.jurisdictions().forEach(c -> law(conflicts, classification, rules, c, Source.SUB_PROCESSOR, used.name()));
            }
        }
        return List.copyOf(conflicts);
    }

    /** Whether the classification's allowed locations take in the country; every country when it names none. */
    public static boolean allows(Classification classification, String country, CountryRules rules) {
        List<String> allowed = classification.allowedLocations();
        return allowed.isEmpty() || allowed.contains(country)
                || allowed.contains(Classification.EU_EEA) && rules.of(country).euEea();
    }

    private static void place(Set<Conflict> conflicts, Classification classification, CountryRules rules, String country,
                              Source source, String by) {
        if (!allows(classification, country, rules)) {
            conflicts.add(new Conflict(Kind.LOCATION_NOT_ALLOWED, country, source, by));
        }
        if (classification.personalData() && !rules.of(country).personalDataMayGo()) {
            conflicts.add(new Conflict(Kind.THIRD_COUNTRY_TRANSFER, country, source, by));
        }
    }

    private static void law(Set<Conflict> conflicts, Classification classification, CountryRules rules, String country,
                            Source source, String by) {
        boolean ownershipRequired = classification.ownershipRequirement() != null && !classification.ownershipRequirement().isBlank();
        if (ownershipRequired && !allows(classification, country, rules)) {
            conflicts.add(new Conflict(Kind.JURISDICTION_NOT_ALLOWED, country, source, by));
        }
        if (classification.personalData() && !rules.of(country).personalDataMayGo()) {
            conflicts.add(new Conflict(Kind.THIRD_COUNTRY_LAW, country, source, by));
        }
    }
}
