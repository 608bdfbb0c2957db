package se.molnkoll.kernel;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The information classification of what a cloud service will handle (routine 4.1.1, measure 24):
 * confidentiality (K), integrity (R) and availability (T) classes on the KLASSA scale 0–4, whether
 * the information is secrecy-protected (S) or personal data (P), and the legal requirements the
 * classification found: where the information may be stored and processed, and who may own or
 * control the provider.
 */
public record Classification(
        int confidentiality,
        int integrity,
        int availability,
        boolean secrecy,
        boolean personalData,
        List<String> allowedLocations,
        @Nullable String ownershipRequirement,
        @Nullable String decisionReference) {

    public static final int LOWEST_CLASS = 0;
    public static final int HIGHEST_CLASS = 4;
    /** The one location that is not a country: the European Union and European Economic Area. */
    public static final String EU_EEA = "EU/EEA";

    private static final Set<String> COUNTRY_CODES = Set.of(Locale.getISOCountries());

    /**
     * What an unclassified service is measured against. A measure whose K, R or T criterion is 0 is
     * met by every classification, so those measures (including 24, the classification itself) are
     * known to apply before the classification is made; this minimal classification yields exactly
     * that set.
     */
    public static final Classification UNCLASSIFIED =
            new Classification(0, 0, 0, false, false, List.of(), null, null);

    /**
     * Only normalises. Stored events are read back through this constructor, so it must accept what
     * was once valid even if the rules (or the JDK's list of countries) change; {@link #problems()}
     * is checked where a classification comes in.
     */
    public Classification {
        allowedLocations = List.copyOf(Objects.requireNonNullElse(allowedLocations, List.of()));
    }

    /** What is wrong with this classification as new input; empty when it is valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        checkClass(problems, "confidentiality", confidentiality);
        checkClass(problems, "integrity", integrity);
        checkClass(problems, "availability", availability);
        for (String location : allowedLocations) {
            if (!isValidLocation(location)) {
                problems.add("allowed location '" + location + "' is not an ISO 3166-1 country code or " + EU_EEA);
            }
        }
        return problems;
    }

    public static boolean isValidClass(int value) {
        return value >= LOWEST_CLASS && value <= HIGHEST_CLASS;
    }

    /** An ISO 3166-1 alpha-2 country code in upper case (e.g. "SE"), or "EU/EEA". */
    public static boolean isValidLocation(String location) {
        return location != null && (EU_EEA.equals(location) || COUNTRY_CODES.contains(location));
    }

    private static void checkClass(List<String> problems, String name, int value) {
        if (!isValidClass(value)) {
            problems.add(name + " must be between " + LOWEST_CLASS + " and " + HIGHEST_CLASS + ", not " + value);
        }
    }
}
