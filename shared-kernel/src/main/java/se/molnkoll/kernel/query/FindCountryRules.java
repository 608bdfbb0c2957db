package se.molnkoll.kernel.query;

/** What Molnkoll holds of each country's law (EU/EEA, adequacy decisions) at the moment: shipped, and as administrators changed it. */
public record FindCountryRules(Moment moment) {
}
