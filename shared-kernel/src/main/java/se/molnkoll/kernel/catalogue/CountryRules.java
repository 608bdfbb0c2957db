package se.molnkoll.kernel.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.Classification;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the law says of each country for data handled there: whether it is in the EU/EEA, and whether the
 * European Commission has decided that it protects personal data adequately (GDPR art. 45), from when, and
 * whether wholly or only for some organisations. Shipped as data beside the catalogue ({@value #DEFAULT_RESOURCE},
 * with its source and date) and changed by an administrator, each change an event; a country not listed is
 * a third country without an adequacy decision.
 */
public final class CountryRules {

    public static final String DEFAULT_RESOURCE = "/se/molnkoll/kernel/catalogue/countries.json";

    private final String source;
    private final LocalDate asOf;
    private final Map<String, CountryRule> rules;

    private CountryRules(String source, LocalDate asOf, Map<String, CountryRule> rules) {
        this.source = source;
        this.asOf = asOf;
        this.rules = Collections.unmodifiableMap(new TreeMap<>(rules));
    }

    /**
     * What the law says of one country.
     *
     * @param euEea     a member of the EU or the EEA
     * @param adequacy  the Commission's adequacy decision, or null if there is none
     */
    public record CountryRule(boolean euEea, @Nullable Adequacy adequacy) {

        /** A third country without an adequacy decision. */
        public static final CountryRule THIRD_COUNTRY = new CountryRule(false, null);

        /** Whether personal data may go there without further safeguards: the EU/EEA, or a whole adequacy decision. */
        public boolean personalDataMayGo() {
            return euEea || adequacy != null && adequacy.whole();
        }
    }

    /**
     * An adequacy decision.
     *
     * @param whole     true when it covers every organisation of the country; false when only some (the US's
     *                  Data Privacy Framework covers only certified organisations)
     */
    public record Adequacy(LocalDate decidedOn, boolean whole, String reference) {
    }

    public static CountryRules loadDefault() {
        try (InputStream in = CountryRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new CatalogueException("Country rules not found on the classpath at " + DEFAULT_RESOURCE);
            }
            return load(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new CatalogueException("Country rules " + DEFAULT_RESOURCE + " could not be read: " + e.getMessage(), e);
        }
    }

    /** @throws CatalogueException naming the source and every rule the file breaks */
    public static CountryRules load(InputStream in, String resource) {
        RulesFile file;
        try {
            file = MAPPER.readValue(in, RulesFile.class);
        } catch (JsonProcessingException e) {
            throw new CatalogueException("Country rules " + resource + " are not valid: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CatalogueException("Country rules " + resource + " could not be read: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        Map<String, CountryRule> rules = new TreeMap<>();
        for (String country : file.euEea() == null ? List.<String>of() : file.euEea()) {
            if (!isCountry(country)) {
                problems.add("'" + country + "' is not an ISO 3166-1 alpha-2 code");
            } else if (rules.put(country, new CountryRule(true, null)) != null) {
                problems.add(country + " is listed twice in euEea");
            }
        }
        for (AdequacyEntry entry : file.adequacy() == null ? List.<AdequacyEntry>of() : file.adequacy()) {
            if (!isCountry(entry.country())) {
                problems.add("'" + entry.country() + "' is not an ISO 3166-1 alpha-2 code");
                continue;
            }
            if (rules.containsKey(entry.country())) {
                problems.add(entry.country() + " is in the EU/EEA or listed twice; an adequacy decision is for a third country");
                continue;
            }
            LocalDate decidedOn = date(entry.decidedOn(), entry.country(), problems);
            if (entry.whole() == null || entry.reference() == null || entry.reference().isBlank()) {
                problems.add(entry.country() + ": an adequacy decision needs whole and reference");
                continue;
            }
            rules.put(entry.country(), new CountryRule(false, new Adequacy(decidedOn, entry.whole(), entry.reference())));
        }
        LocalDate asOf = date(file.asOf(), "asOf", problems);
        if (file.source() == null || file.source().isBlank()) {
            problems.add("the file must name its source");
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException("Country rules " + resource + " are broken: " + String.join("; ", problems));
        }
        return new CountryRules(file.source(), asOf, rules);
    }

    private static LocalDate date(String text, String what, List<String> problems) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            problems.add(what + ": '" + text + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    /** What the law says of the country; a country not listed is a third country without an adequacy decision. */
    public CountryRule of(String country) {
        return rules.getOrDefault(country, CountryRule.THIRD_COUNTRY);
    }

    /** These rules with one country's changed by an administrator. */
    public CountryRules with(String country, CountryRule rule) {
        Map<String, CountryRule> changed = new TreeMap<>(rules);
        if (rule.equals(CountryRule.THIRD_COUNTRY)) {
            changed.remove(country);
        } else {
            changed.put(country, rule);
        }
        return new CountryRules(source, asOf, changed);
    }

    /** Every country the rules say something of, by code. */
    public Map<String, CountryRule> listed() {
        return rules;
    }

    public String source() {
        return source;
    }

    /** The date the shipped list was last checked against its source. */
    public LocalDate asOf() {
        return asOf;
    }

    public static boolean isCountry(String code) {
        return code != null && !Classification.EU_EEA.equals(code) && Classification.isValidLocation(code);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private record RulesFile(String source, String asOf, String note, List<String> euEea, List<AdequacyEntry> adequacy) {
    }

    private record AdequacyEntry(String country, String decidedOn, Boolean whole, String reference) {
    }
}
