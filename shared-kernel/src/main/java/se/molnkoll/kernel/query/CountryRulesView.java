package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.catalogue.CountryRules.CountryRule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The country rules at a moment: the shipped list's source and date, and each country listed or changed. */
public record CountryRulesView(String source, LocalDate shippedAsOf, List<Country> countries) {

    /** One country's rule; with who changed it, when and why, if an administrator did. */
    public record Country(String country, CountryRule rule, @Nullable String changeReason, @Nullable String changedBy,
                          @Nullable Instant changedAt) {
    }
}
