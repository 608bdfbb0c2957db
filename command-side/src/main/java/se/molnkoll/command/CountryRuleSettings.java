package se.molnkoll.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.catalogue.CountryRules;
import se.molnkoll.kernel.catalogue.CountryRules.CountryRule;
import se.molnkoll.kernel.command.ChangeCountryRule;
import se.molnkoll.kernel.command.RuleViolationException;
import se.molnkoll.kernel.command.Violation;
import se.molnkoll.kernel.event.CountryRuleChanged;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The country rules as administrators have changed them: the ones shipped beside the catalogue, with each
 * change an event. One aggregate ({@link CountryRuleChanged#COUNTRY_RULES_ID}), made by its first change.
 */
@Aggregate
public class CountryRuleSettings {

    @AggregateIdentifier
    private String id;
    private final Map<String, CountryRule> changed = new HashMap<>();

    protected CountryRuleSettings() {
        // for Axon: the state is rebuilt from events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeCountryRule command, CountryRules shipped, Clock clock) {
        if (!CountryRuleChanged.COUNTRY_RULES_ID.equals(command.settingsId())) {
            throw new RuleViolationException(Violation.of("UNKNOWN_SETTINGS", "There are no settings " + command.settingsId()));
        }
        List<Violation> violations = new ArrayList<>();
        if (!CountryRules.isCountry(command.country())) {
            violations.add(Violation.of("COUNTRY_INVALID", "'" + command.country() + "' is not an ISO 3166-1 alpha-2 country code"));
        }
        if (command.reason() == null || command.reason().isBlank()) {
            violations.add(Violation.of("REASON_REQUIRED", "A change of a country's rule needs a reason, for the history"));
        }
        CountryRule rule = command.rule();
        if (rule == null) {
            violations.add(Violation.of("COUNTRY_RULE_REQUIRED", "Say what holds for the country"));
        } else if (rule.adequacy() != null) {
            if (rule.euEea()) {
                violations.add(Violation.of("ADEQUACY_IN_EU_EEA", "An adequacy decision is for a country outside the EU/EEA"));
            }
            if (rule.adequacy().decidedOn() == null || rule.adequacy().decidedOn().isAfter(BusinessDates.today(clock))) {
                violations.add(Violation.of("ADEQUACY_DATE_INVALID", "An adequacy decision needs the date it was taken, not in the future"));
            }
            if (rule.adequacy().reference() == null || rule.adequacy().reference().isBlank()) {
                violations.add(Violation.of("ADEQUACY_REFERENCE_REQUIRED", "An adequacy decision needs its reference (the decision's number)"));
            }
        }
        CountryRule before = changed.getOrDefault(command.country(), shipped.of(command.country()));
        if (violations.isEmpty() && before.equals(rule)) {
            violations.add(Violation.of("NOTHING_TO_CHANGE", "What holds for " + command.country() + " is as given already"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        apply(new CountryRuleChanged(CountryRuleChanged.COUNTRY_RULES_ID, command.country(), before, rule, command.reason().strip()));
    }

    @EventSourcingHandler
    void on(CountryRuleChanged event) {
        id = event.settingsId();
        changed.put(event.country(), event.after());
    }
}
