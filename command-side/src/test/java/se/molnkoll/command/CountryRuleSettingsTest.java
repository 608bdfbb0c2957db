package se.molnkoll.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.catalogue.CountryRules;
import se.molnkoll.kernel.catalogue.CountryRules.Adequacy;
import se.molnkoll.kernel.catalogue.CountryRules.CountryRule;
import se.molnkoll.kernel.command.ChangeCountryRule;
import se.molnkoll.kernel.event.CountryRuleChanged;

import java.time.LocalDate;

import static se.molnkoll.command.CloudServiceFixture.CLOCK;
import static se.molnkoll.command.CloudServiceFixture.TODAY;
import static se.molnkoll.command.RejectedFor.rejectedFor;
import static se.molnkoll.kernel.event.CountryRuleChanged.COUNTRY_RULES_ID;

class CountryRuleSettingsTest {

    private static final CountryRules SHIPPED = CountryRules.loadDefault();
    private FixtureConfiguration<CountryRuleSettings> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CountryRuleSettings.class);
        fixture.registerInjectableResource(SHIPPED);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void an_adequacy_decision_struck_down_and_a_new_one_are_changes_with_what_held_before() {
        CountryRule us = SHIPPED.of("US");
        fixture.givenNoPriorActivity()
                .when(new ChangeCountryRule(COUNTRY_RULES_ID, "US", CountryRule.THIRD_COUNTRY, " EU-domstolen ogiltigförklarade ramverket "))
                .expectEvents(new CountryRuleChanged(COUNTRY_RULES_ID, "US", us, CountryRule.THIRD_COUNTRY, "EU-domstolen ogiltigförklarade ramverket"));
        CountryRule brazil = new CountryRule(false, new Adequacy(TODAY.minusDays(10), true, "Genomförandebeslut (EU) 2026/1"));
        fixture.given(new CountryRuleChanged(COUNTRY_RULES_ID, "US", us, CountryRule.THIRD_COUNTRY, "Ogiltigt"))
                .when(new ChangeCountryRule(COUNTRY_RULES_ID, "BR", brazil, "Nytt adekvansbeslut"))
                .expectEvents(new CountryRuleChanged(COUNTRY_RULES_ID, "BR", CountryRule.THIRD_COUNTRY, brazil, "Nytt adekvansbeslut"));
    }

    @Test
    void a_change_that_changes_nothing_or_says_something_impossible_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCountryRule(COUNTRY_RULES_ID, "SE", SHIPPED.of("SE"), "Ingen"))
                .expectException(rejectedFor("NOTHING_TO_CHANGE"));
        fixture.givenNoPriorActivity()
                .when(new ChangeCountryRule(COUNTRY_RULES_ID, "XX", new CountryRule(true,
                        new Adequacy(LocalDate.of(2099, 1, 1), true, "")), ""))
                .expectNoEvents()
                .expectException(rejectedFor("COUNTRY_INVALID", "REASON_REQUIRED", "ADEQUACY_IN_EU_EEA", "ADEQUACY_DATE_INVALID",
                        "ADEQUACY_REFERENCE_REQUIRED"));
    }
}
