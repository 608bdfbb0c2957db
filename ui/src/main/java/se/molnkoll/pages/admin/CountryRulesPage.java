package se.molnkoll.pages.admin;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.molnkoll.input.CommandInput;
import se.molnkoll.input.RefusalWords;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.command.RuleViolationException;
import se.molnkoll.kernel.event.CountryRuleChanged;
import se.molnkoll.kernel.query.AuditFilter;
import se.molnkoll.kernel.query.AuditPage;
import se.molnkoll.kernel.query.CountryRulesView;
import se.molnkoll.kernel.query.FindAuditTrail;
import se.molnkoll.kernel.query.FindCountryRules;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.recording.Recorder;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The country rules the location check uses (the EU/EEA, the adequacy decisions), shipped with their source
 * and date, for an administrator to change with a reason; and every change so far, from the audit trail.
 */
@Controller
class CountryRulesPage {

    private final Recorder recorder;
    private final QueryGateway queries;
    private final RefusalWords refusals;
    private final MessageSource messages;

    CountryRulesPage(Recorder recorder, QueryGateway queries, RefusalWords refusals, MessageSource messages) {
        this.recorder = recorder;
        this.queries = queries;
        this.refusals = refusals;
        this.messages = messages;
    }

    @GetMapping("/admin/countries")
    String rules(Model model) {
        model.addAttribute("rules", queries.query(new FindCountryRules(Moment.NOW), ResponseTypes.instanceOf(CountryRulesView.class)).join());
        model.addAttribute("changes", queries.query(new FindAuditTrail(new AuditFilter(
                        CloudServiceId.of(CountryRuleChanged.COUNTRY_RULES_ID), null, null, null, null), 0, 100, true),
                ResponseTypes.instanceOf(AuditPage.class)).join().entries());
        return "admin/countries";
    }

    @PostMapping("/admin/countries")
    String change(@RequestParam(required = false) String country, @RequestParam(required = false) String rule,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate adequacyDecidedOn,
                  @RequestParam(required = false) String adequacyReference, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect, Locale locale) {
        if (country == null || rule == null || reason == null || reason.length() > se.molnkoll.input.Lengths.TEXT
                || (adequacyReference != null && adequacyReference.length() > se.molnkoll.input.Lengths.TEXT)) {
            redirect.addFlashAttribute("refused", List.of(messages.getMessage("flash.countryRuleNeeds", null, locale)));
            return "redirect:/admin/countries";
        }
        boolean adequacy = rule.equals("ADEQUACY") || rule.equals("PARTIAL_ADEQUACY");
        if (adequacy && (adequacyDecidedOn == null || adequacyReference == null || adequacyReference.isBlank())) {
            // without them the decision would be recorded as none: a country struck off by mistake
            redirect.addFlashAttribute("refused", List.of(messages.getMessage("flash.adequacyNeeds", null, locale)));
            return "redirect:/admin/countries";
        }
        try {
            recorder.recordSetting(CountryRuleChanged.COUNTRY_RULES_ID, CommandInput.changeCountryRule(country, rule.equals("EU_EEA"),
                    adequacy ? adequacyDecidedOn : null, !rule.equals("PARTIAL_ADEQUACY"), adequacy ? adequacyReference : null, reason));
            redirect.addFlashAttribute("success", List.of(messages.getMessage("flash.countryRuleChanged", null, locale)));
        } catch (RuleViolationException refused) {
            redirect.addFlashAttribute("refused", refusals.reasons(refused, locale));
        }
        return "redirect:/admin/countries";
    }
}
