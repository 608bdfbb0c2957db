package se.molnkoll.kernel.vendor;

import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.Classification;

import se.molnkoll.kernel.InputProblem;
import se.molnkoll.kernel.catalogue.CountryRules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a vendor is, in law: its name, its Swedish organisation number or its registration abroad, the
 * country it is registered in, and the company that owns it and that company's country. The countries are
 * the jurisdictions the vendor answers to (routine §2: "olika länder har sina egna lagstiftningar").
 *
 * @param organisationNumber  Swedish, {@code NNNNNN-NNNN}; required for a vendor registered in Sweden
 * @param foreignRegistration the register and number abroad (e.g. "Companies House 01234567"), or null
 * @param country             ISO 3166-1 alpha-2 code of the country it is registered in
 * @param parentCompany       the company that owns or controls it, or null if none
 * @param parentCountry       the parent company's country, required with a parent company
 */
public record VendorDetails(
        String name,
        @Nullable String organisationNumber,
        @Nullable String foreignRegistration,
        String country,
        @Nullable String parentCompany,
        @Nullable String parentCountry) {

    public static final int NAME_MAX = 200;

    /** The countries whose law the vendor answers to: its own and its parent's, in that order. */
    public Set<String> jurisdictions() {
        Set<String> countries = new LinkedHashSet<>();
        if (country != null) {
            countries.add(country);
        }
        if (parentCountry != null) {
            countries.add(parentCountry);
        }
        return countries;
    }

    /** What is wrong with these details as new input, each as a rule code and words; empty when they are valid. */
    public List<InputProblem> problems() {
        List<InputProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new InputProblem("VENDOR_NAME_REQUIRED", "A vendor needs a name"));
        } else if (name.length() > NAME_MAX) {
            problems.add(new InputProblem("VENDOR_NAME_TOO_LONG", "A vendor's name has at most " + NAME_MAX + " characters"));
        }
        if (country == null || !CountryRules.isCountry(country)) {
            problems.add(new InputProblem("VENDOR_COUNTRY_INVALID", "The vendor's country must be an ISO 3166-1 alpha-2 code, not " + country));
        }
        if (organisationNumber != null) {
            OrganisationNumber.problem(organisationNumber).ifPresent(problem -> problems.add(switch (problem) {
                case FORMAT -> new InputProblem("ORGANISATION_NUMBER_FORMAT",
                        "A Swedish organisation number has ten digits, NNNNNN-NNNN, not " + organisationNumber);
                case CHECK_DIGIT -> new InputProblem("ORGANISATION_NUMBER_CHECK_DIGIT",
                        "The last digit of " + organisationNumber + " does not match the others: a digit is mistyped");
                case PERSONAL_IDENTITY_NUMBER -> new InputProblem("ORGANISATION_NUMBER_IS_PERSONAL",
                        organisationNumber + " is a personal identity number (a sole trader's), which is not recorded");
            }));
        } else if ("SE".equals(country)) {
            problems.add(new InputProblem("ORGANISATION_NUMBER_REQUIRED", "A vendor registered in Sweden needs its organisation number"));
        }
        if (parentCompany != null && parentCountry == null) {
            problems.add(new InputProblem("PARENT_COUNTRY_REQUIRED", "A parent company needs its country: it is a jurisdiction the vendor answers to"));
        }
        if (parentCountry != null && parentCompany == null) {
            problems.add(new InputProblem("PARENT_COMPANY_REQUIRED", "A parent company's country needs the parent company's name"));
        }
        if (parentCountry != null && !CountryRules.isCountry(parentCountry)) {
            problems.add(new InputProblem("PARENT_COUNTRY_INVALID", "The parent company's country must be an ISO 3166-1 alpha-2 code, not " + parentCountry));
        }
        return problems;
    }

    /** These details with the organisation number as Bolagsverket writes it; only for details without problems. */
    public VendorDetails normalised() {
        return new VendorDetails(name.strip(), organisationNumber == null ? null : OrganisationNumber.normalised(organisationNumber),
                foreignRegistration, country, parentCompany, parentCountry);
    }

    static boolean isCountry(String code) {
        return se.molnkoll.kernel.catalogue.CountryRules.isCountry(code);
    }
}
