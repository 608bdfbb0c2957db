package se.molnkoll.pages.vendors;

import org.springframework.validation.BindingResult;
import se.molnkoll.kernel.catalogue.CountryRules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Country codes typed in one field ("SE, FI" or "se fi"): each checked, the field marked with the first bad one. */
public final class CountryCodes {

    private CountryCodes() {
    }

    /** The codes, in capitals and each once; a bad one is rejected on the field (message key CountryList). */
    public static List<String> read(String typed, String field, BindingResult binding) {
        List<String> codes = new ArrayList<>();
        if (typed == null) {
            return codes;
        }
        for (String part : Arrays.stream(typed.split("[,;\\s]+")).filter(p -> !p.isBlank()).toList()) {
            String code = part.strip().toUpperCase(Locale.ROOT);
            if (!CountryRules.isCountry(code)) {
                if (!binding.hasFieldErrors(field)) {
                    binding.rejectValue(field, "CountryList", new Object[] {part.strip()}, "Unknown country code " + part);
                }
            } else if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }
}
