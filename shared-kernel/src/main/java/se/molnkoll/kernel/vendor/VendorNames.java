package se.molnkoll.kernel.vendor;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Matches a vendor named in words ("Microsoft", "microsoft sverige ab") with vendor records ("Microsoft AB"):
 * case, accents, punctuation and company forms aside. Only proposes; a person confirms.
 */
public final class VendorNames {

    /** Company forms and words of place that say nothing of who the company is. */
    private static final Set<String> NOISE = Set.of("ab", "publ", "hb", "kb", "ek", "för", "inc", "ltd", "limited", "llc", "plc",
            "gmbh", "ag", "se", "sa", "sas", "bv", "nv", "as", "asa", "oy", "oyj", "aps", "a/s", "corp", "corporation", "co",
            "company", "group", "holding", "holdings", "sverige", "sweden", "svenska", "nordic", "nordics", "scandinavia",
            "international", "ireland", "europe", "emea");

    private VendorNames() {
    }

    /** The words that tell who a company is, lower case, without accents, punctuation or company forms. */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        List<String> words = Arrays.stream(plain.split("[^\\p{Alnum}/]+")).filter(w -> !w.isBlank() && !NOISE.contains(w)).toList();
        return String.join(" ", words);
    }

    /** Of the candidates, the one whose name matches {@code typed}: the same key; otherwise one whose key begins with it or it with the key. */
    public static <T> Optional<T> bestMatch(String typed, List<T> candidates, java.util.function.Function<T, String> nameOf) {
        String key = key(typed);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Optional<T> same = candidates.stream().filter(c -> key(nameOf.apply(c)).equals(key)).findFirst();
        if (same.isPresent()) {
            return same;
        }
        List<T> prefixed = candidates.stream().filter(c -> {
            String other = key(nameOf.apply(c));
            return !other.isEmpty() && (other.startsWith(key + " ") || key.startsWith(other + " "));
        }).collect(Collectors.toList());
        return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
    }
}
