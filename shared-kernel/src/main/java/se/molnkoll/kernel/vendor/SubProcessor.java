package se.molnkoll.kernel.vendor;

import org.jspecify.annotations.Nullable;

import se.molnkoll.kernel.InputProblem;
import se.molnkoll.kernel.catalogue.CountryRules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A company the vendor engages to process the data of its services (GDPR art. 28.2, routine §2's
 * "eventuella underleverantörer"): its name, the country whose law it answers to, what it does, and the
 * countries where it processes data.
 *
 * @param country             ISO 3166-1 alpha-2 code of the country it is registered in
 * @param parentCountry       the country of the company that owns it, or null: a jurisdiction it answers to too
 * @param processingCountries ISO 3166-1 alpha-2 codes of where it stores or processes data
 */
public record SubProcessor(String name, String country, @Nullable String parentCountry, String activity,
                           List<String> processingCountries) {

    public static final int TEXT_MAX = 200;

    public SubProcessor {
        processingCountries = List.copyOf(processingCountries == null ? List.of() : processingCountries);
    }

    /** The countries whose law it answers to: its own and its parent's. */
    public java.util.Set<String> jurisdictions() {
        java.util.Set<String> countries = new LinkedHashSet<>();
        countries.add(country);
        if (parentCountry != null) {
            countries.add(parentCountry);
        }
        return countries;
    }

    /** What is wrong with this sub-processor as new input; empty when it is valid. */
    public List<InputProblem> problems() {
        List<InputProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > TEXT_MAX) {
            problems.add(new InputProblem("SUB_PROCESSOR_NAME_REQUIRED", "A sub-processor needs a name of at most " + TEXT_MAX + " characters"));
        }
        if (country == null || !CountryRules.isCountry(country)) {
            problems.add(new InputProblem("SUB_PROCESSOR_COUNTRY_INVALID",
                    "A sub-processor's country must be an ISO 3166-1 alpha-2 code, not " + country));
        }
        if (parentCountry != null && !CountryRules.isCountry(parentCountry)) {
            problems.add(new InputProblem("SUB_PROCESSOR_PARENT_COUNTRY_INVALID",
                    "A sub-processor's parent company's country must be an ISO 3166-1 alpha-2 code, not " + parentCountry));
        }
        if (activity == null || activity.isBlank() || activity.length() > TEXT_MAX) {
            problems.add(new InputProblem("SUB_PROCESSOR_ACTIVITY_REQUIRED",
                    "Say what the sub-processor does, in at most " + TEXT_MAX + " characters"));
        }
        if (processingCountries.isEmpty()) {
            problems.add(new InputProblem("PROCESSING_COUNTRIES_REQUIRED", "Say where the sub-processor stores or processes data"));
        }
        for (String code : processingCountries) {
            if (!CountryRules.isCountry(code)) {
                problems.add(new InputProblem("PROCESSING_COUNTRY_INVALID", "'" + code + "' is not an ISO 3166-1 alpha-2 country code"));
            }
        }
        return problems;
    }
}
