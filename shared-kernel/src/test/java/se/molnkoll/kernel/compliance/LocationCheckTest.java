package se.molnkoll.kernel.compliance;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.DeclaredLocations;
import se.molnkoll.kernel.catalogue.CountryRules;
import se.molnkoll.kernel.compliance.LocationCheck.Conflict;
import se.molnkoll.kernel.vendor.SubProcessor;
import se.molnkoll.kernel.vendor.VendorDetails;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.kernel.compliance.LocationCheck.Kind.JURISDICTION_NOT_ALLOWED;
import static se.molnkoll.kernel.compliance.LocationCheck.Kind.LOCATION_NOT_ALLOWED;
import static se.molnkoll.kernel.compliance.LocationCheck.Kind.THIRD_COUNTRY_LAW;
import static se.molnkoll.kernel.compliance.LocationCheck.Kind.THIRD_COUNTRY_TRANSFER;
import static se.molnkoll.kernel.compliance.LocationCheck.Source.PROVIDER;
import static se.molnkoll.kernel.compliance.LocationCheck.Source.PROVIDER_PARENT;
import static se.molnkoll.kernel.compliance.LocationCheck.Source.PROVIDER_PROCESSING;
import static se.molnkoll.kernel.compliance.LocationCheck.Source.PROVIDER_STORAGE;
import static se.molnkoll.kernel.compliance.LocationCheck.Source.SUB_PROCESSOR;
import static se.molnkoll.kernel.compliance.LocationCheck.Source.SUB_PROCESSOR_PROCESSING;

class LocationCheckTest {

    private static final CountryRules RULES = CountryRules.loadDefault();
    private static final VendorDetails SWEDISH = new VendorDetails("Svensk Drift AB", "556012-5790", null, "SE", null, null);
    private static final LocalDate DECLARED = LocalDate.of(2026, 3, 1);

    /**
     * Every value an allowed location can take (none, a country, EU/EEA, both), against a member of the EU, of
     * the EEA only, a third country with a whole adequacy decision, one with a partial decision, and one
     * without: whether the data may be stored there, without and with personal data. "-" is a list with no entry.
     */
    @ParameterizedTest(name = "allowed {0}, stored in {1}: allowed={2}, with personal data={3}")
    @CsvSource({
            "-,          SE, true,  true",
            "-,          NO, true,  true",
            "-,          CH, true,  true",
            "-,          US, true,  false",
            "-,          CN, true,  false",
            "SE,         SE, true,  true",
            "SE,         DE, false, false",
            "SE,         NO, false, false",
            "SE,         CH, false, false",
            "SE,         US, false, false",
            "EU/EEA,     SE, true,  true",
            "EU/EEA,     DE, true,  true",
            "EU/EEA,     NO, true,  true",
            "EU/EEA,     IS, true,  true",
            "EU/EEA,     CH, false, false",
            "EU/EEA,     JP, false, false",
            "EU/EEA,     US, false, false",
            "EU/EEA,     CN, false, false",
            "EU/EEA CH,  CH, true,  true",
            "EU/EEA US,  US, true,  false",
            "SE NO,      NO, true,  true",
            "SE NO,      FI, false, false"})
    void every_allowed_location_against_eu_eea_adequacy_and_third_countries(String allowed, String country, boolean allowedThere,
                                                                          boolean withPersonalData) {
        List<String> locations = "-".equals(allowed) ? List.of() : Arrays.asList(allowed.split(" "));
        DeclaredLocations stored = new DeclaredLocations(List.of(country), List.of(), List.of(), DECLARED, null);

        List<Conflict> plain = LocationCheck.check(classification(locations, false, null), stored, SWEDISH, Map.of(), RULES);
        List<Conflict> personal = LocationCheck.check(classification(locations, true, null), stored, SWEDISH, Map.of(), RULES);

        assertThat(plain.isEmpty()).as("without personal data: %s", plain).isEqualTo(allowedThere);
        assertThat(personal.isEmpty()).as("with personal data: %s", personal).isEqualTo(withPersonalData);
        if (!allowedThere) {
            assertThat(plain).containsExactly(new Conflict(LOCATION_NOT_ALLOWED, country, PROVIDER_STORAGE, null));
        }
        if (allowedThere && !withPersonalData) {
            assertThat(personal).containsExactly(new Conflict(THIRD_COUNTRY_TRANSFER, country, PROVIDER_STORAGE, null));
        }
    }

    @Nested
    class Jurisdictions {

        private final VendorDetails american = new VendorDetails("Molnbolaget Sverige AB", "556703-7485", null, "SE",
                "Cloud Corp Inc.", "US");
        private final DeclaredLocations inSweden = new DeclaredLocations(List.of("SE"), List.of("SE"), List.of(), DECLARED, "DPA bilaga 3");

        @Test
        void a_parent_company_abroad_conflicts_only_where_ownership_is_required_or_personal_data_is_handled() {
            assertThat(LocationCheck.check(classification(List.of("SE"), false, null), inSweden, american, Map.of(), RULES)).isEmpty();
            assertThat(LocationCheck.check(classification(List.of("SE"), false, "Ej ägd utanför EU/EES"), inSweden, american, Map.of(), RULES))
                    .containsExactly(new Conflict(JURISDICTION_NOT_ALLOWED, "US", PROVIDER_PARENT, "Cloud Corp Inc."));
            assertThat(LocationCheck.check(classification(List.of(), true, null), inSweden, american, Map.of(), RULES))
                    .containsExactly(new Conflict(THIRD_COUNTRY_LAW, "US", PROVIDER_PARENT, "Cloud Corp Inc."));
            assertThat(LocationCheck.check(classification(List.of("EU/EEA"), false, "  "), inSweden, american, Map.of(), RULES))
                    .as("a blank requirement is none").isEmpty();
        }

        @Test
        void a_sub_processor_the_service_uses_brings_its_locations_and_its_law_and_one_it_does_not_use_brings_nothing() {
            SubProcessor support = new SubProcessor("Follow The Sun Ltd", "IN", "US", "Support dygnet runt", List.of("IN", "SE"));
            SubProcessor backup = new SubProcessor("Backup GmbH", "DE", null, "Säkerhetskopior", List.of("DE"));
            Map<String, SubProcessor> engaged = Map.of("s1", support, "s2", backup);
            DeclaredLocations usingBoth = new DeclaredLocations(List.of("SE"), List.of(), List.of("s1", "s2"), DECLARED, null);
            DeclaredLocations usingBackup = new DeclaredLocations(List.of("SE"), List.of(), List.of("s2"), DECLARED, null);

            assertThat(LocationCheck.check(classification(List.of("EU/EEA"), true, "Ägarkrav"), usingBoth, SWEDISH, engaged, RULES))
                    .containsExactly(
                            new Conflict(LOCATION_NOT_ALLOWED, "IN", SUB_PROCESSOR_PROCESSING, "Follow The Sun Ltd"),
                            new Conflict(THIRD_COUNTRY_TRANSFER, "IN", SUB_PROCESSOR_PROCESSING, "Follow The Sun Ltd"),
                            new Conflict(JURISDICTION_NOT_ALLOWED, "IN", SUB_PROCESSOR, "Follow The Sun Ltd"),
                            new Conflict(THIRD_COUNTRY_LAW, "IN", SUB_PROCESSOR, "Follow The Sun Ltd"),
                            new Conflict(JURISDICTION_NOT_ALLOWED, "US", SUB_PROCESSOR, "Follow The Sun Ltd"),
                            new Conflict(THIRD_COUNTRY_LAW, "US", SUB_PROCESSOR, "Follow The Sun Ltd"));
            assertThat(LocationCheck.check(classification(List.of("EU/EEA"), true, "Ägarkrav"), usingBackup, SWEDISH, engaged, RULES))
                    .isEmpty();
        }

        @Test
        void the_providers_own_country_and_processing_count_and_nothing_is_checked_before_locations_are_declared() {
            VendorDetails foreign = new VendorDetails("Cloud Corp Inc.", null, "Delaware 1234567", "US", null, null);
            DeclaredLocations processedAbroad = new DeclaredLocations(List.of("SE"), List.of("US"), List.of(), DECLARED, null);

            assertThat(LocationCheck.check(classification(List.of("EU/EEA"), false, "Ägarkrav"), processedAbroad, foreign, Map.of(), RULES))
                    .containsExactly(new Conflict(LOCATION_NOT_ALLOWED, "US", PROVIDER_PROCESSING, null),
                            new Conflict(JURISDICTION_NOT_ALLOWED, "US", PROVIDER, "Cloud Corp Inc."));
            assertThat(LocationCheck.check(classification(List.of("SE"), true, "Ägarkrav"), null, foreign, Map.of(), RULES)).isEmpty();
        }

        @Test
        void an_adequacy_decision_struck_down_by_an_administrator_turns_a_transfer_into_a_conflict() {
            DeclaredLocations inSwitzerland = new DeclaredLocations(List.of("CH"), List.of(), List.of(), DECLARED, null);
            assertThat(LocationCheck.check(classification(List.of(), true, null), inSwitzerland, SWEDISH, Map.of(), RULES)).isEmpty();
            CountryRules struckDown = RULES.with("CH", CountryRules.CountryRule.THIRD_COUNTRY);
            assertThat(LocationCheck.check(classification(List.of(), true, null), inSwitzerland, SWEDISH, Map.of(), struckDown))
                    .containsExactly(new Conflict(THIRD_COUNTRY_TRANSFER, "CH", PROVIDER_STORAGE, null));
        }
    }

    private static Classification classification(List<String> allowed, boolean personalData, String ownership) {
        return new Classification(2, 2, 2, false, personalData, allowed, ownership, "Beslut 1");
    }
}
