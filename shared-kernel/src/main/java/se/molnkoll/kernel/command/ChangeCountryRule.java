package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.catalogue.CountryRules.CountryRule;

/** Change what Molnkoll holds of a country's law (EU/EEA membership, adequacy decision), with the reason. */
public record ChangeCountryRule(@TargetAggregateIdentifier String settingsId, String country, CountryRule rule, String reason) {
}
