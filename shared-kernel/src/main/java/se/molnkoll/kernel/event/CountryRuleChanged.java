package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.catalogue.CountryRules.CountryRule;

/**
 * An administrator changed what Molnkoll holds of a country's law: its membership of the EU/EEA, or its
 * adequacy decision (given, changed, struck down), from {@code before} to {@code after}, with the reason. It
 * applies from when it is recorded.
 */
@Revision("1")
public record CountryRuleChanged(String settingsId, String country, CountryRule before, CountryRule after, String reason)
        implements SettingsEvent {

    /** The country rules' settings aggregate. */
    public static final String COUNTRY_RULES_ID = "00000000-0000-4000-8000-c0c0c0c00001";
}
