package se.molnkoll.kernel;

import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.catalogue.CountryRules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a service's data actually is, as the provider declared it: the countries where the provider stores
 * it and where it processes it (support, operations, backups), and which of the vendor's sub-processors the
 * service uses (where those process is on the vendor's record). Measure 5 asks the inventory to say where
 * assets are stored; measure 24 asks for the requirements on geographic location this is checked against.
 *
 * @param storageCountries    ISO 3166-1 alpha-2 codes
 * @param processingCountries ISO 3166-1 alpha-2 codes (may repeat storage countries)
 * @param subProcessorIds     the vendor's sub-processors this service uses
 * @param declaredOn          the business date the provider declared it
 * @param evidence            what says so (the data processing agreement, a trust-center page, …)
 */
public record DeclaredLocations(
        List<String> storageCountries,
        List<String> processingCountries,
        List<String> subProcessorIds,
        LocalDate declaredOn,
        @Nullable String evidence) {

    public DeclaredLocations {
        storageCountries = List.copyOf(Objects.requireNonNullElse(storageCountries, List.of()));
        processingCountries = List.copyOf(Objects.requireNonNullElse(processingCountries, List.of()));
        subProcessorIds = List.copyOf(Objects.requireNonNullElse(subProcessorIds, List.of()));
    }

    /** What is wrong with these locations as new input, as rule codes with words; empty when they are valid. */
    public List<InputProblem> problems() {
        List<InputProblem> problems = new ArrayList<>();
        if (storageCountries.isEmpty()) {
            problems.add(new InputProblem("STORAGE_COUNTRIES_REQUIRED", "Say in which countries the data is stored"));
        }
        for (String code : storageCountries) {
            if (!CountryRules.isCountry(code)) {
                problems.add(new InputProblem("STORAGE_COUNTRY_INVALID", "'" + code + "' is not an ISO 3166-1 alpha-2 country code"));
            }
        }
        for (String code : processingCountries) {
            if (!CountryRules.isCountry(code)) {
                problems.add(new InputProblem("PROCESSING_COUNTRY_INVALID", "'" + code + "' is not an ISO 3166-1 alpha-2 country code"));
            }
        }
        if (declaredOn == null) {
            problems.add(new InputProblem("DECLARED_ON_REQUIRED", "Say when the provider declared the locations"));
        }
        return problems;
    }
}
