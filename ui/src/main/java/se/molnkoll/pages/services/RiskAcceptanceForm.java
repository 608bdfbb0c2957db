package se.molnkoll.pages.services;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.molnkoll.input.CommandInput;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.command.RiskAcceptancePolicy;
import se.molnkoll.kernel.query.CloudServiceView;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Residual risks: a contract manager proposes that the risk owner accept the risk that remains of a
 * measure in a phase, until a date; a risk owner approves or rejects it (never their own), from the
 * queue ({@link RisksPage}). Revoking an acceptance is the contract manager's, from the service page.
 */
@Controller
class RiskAcceptanceForm {

    static final String VIEW = "services/risk-form";

    private final FormSending forms;
    private final RiskAcceptancePolicy policy;
    private final Clock clock;

    RiskAcceptanceForm(FormSending forms, RiskAcceptancePolicy policy, Clock clock) {
        this.forms = forms;
        this.policy = policy;
        this.clock = clock;
    }

    @GetMapping("/services/{id}/risk-acceptance")
    String initRiskForm(@PathVariable String id, Model model) {
        model.addAttribute("form", new Forms.RiskProposal());
        return riskForm(forms.current(id), model);
    }

    @PostMapping("/services/{id}/risk-acceptance")
    String processRiskForm(@PathVariable String id, @Valid @ModelAttribute("form") Forms.RiskProposal form,
                           BindingResult binding, Model model, RedirectAttributes redirect, Locale locale) {
        CloudServiceView view = forms.current(id);
        if (binding.hasErrors()) return riskForm(view, model);
        return forms.send(view.id(), CommandInput.proposeRisk(view.id(), form.getMeasureId(), form.getPhase(),
                form.getResidualRisk(), form.getMotivation(), form.getValidUntil()), "flash.riskProposed",
                redirect, model, locale, () -> riskForm(view, model));
    }

    @PostMapping("/services/{id}/risk-proposals/{proposalId}/approval")
    String approve(@PathVariable String id, @PathVariable String proposalId,
                   @Valid @ModelAttribute("decision") Forms.RiskDecision form, BindingResult binding,
                   RedirectAttributes redirect, Locale locale) {
        CloudServiceView view = forms.current(id);
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("refused", List.of(forms.text("flash.decisionTooLong", locale)));
            return RisksPage.REDIRECT;
        }
        return forms.sendThenQueue(view.id(), CommandInput.approveRisk(view.id(), FormSending.id(proposalId),
                form.getText()), "flash.riskApproved", redirect, locale);
    }

    @PostMapping("/services/{id}/risk-proposals/{proposalId}/rejection")
    String reject(@PathVariable String id, @PathVariable String proposalId,
                  @Valid @ModelAttribute("decision") Forms.RiskDecision form, BindingResult binding,
                  RedirectAttributes redirect, Locale locale) {
        CloudServiceView view = forms.current(id);
        if (binding.hasErrors() || form.getText() == null || form.getText().isBlank()) {
            redirect.addFlashAttribute("refused", List.of(forms.text("flash.rejectionNeeds", locale)));
            return RisksPage.REDIRECT;
        }
        return forms.sendThenQueue(view.id(), CommandInput.rejectRisk(view.id(), FormSending.id(proposalId),
                form.getText()), "flash.riskRejected", redirect, locale);
    }

    /**
     * Revoking an acceptance from the service page: the measure, the phase, from which day, and why.
     * Missing or unreadable input is said on the service page; nothing is recorded.
     */
    @PostMapping("/services/{id}/risk-acceptance/revocation")
    String revoke(@PathVariable String id, @Valid @ModelAttribute("revocation") Forms.Revocation form, BindingResult binding,
                  RedirectAttributes redirect, Locale locale) {
        CloudServiceView view = forms.current(id);
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("refused", List.of(forms.text("flash.revocationNeeds", locale)));
            return FormSending.serviceRedirect(view.id());
        }
        return forms.sendThenBack(view.id(), CommandInput.revokeRisk(view.id(), form.getMeasureId(), form.getPhase(),
                form.getRevokedFrom(), form.getReason()), "flash.riskRevoked", redirect, locale);
    }

    private String riskForm(CloudServiceView view, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("phases", Phase.values());
        model.addAttribute("acceptable", forms.applicableMeasures(view).stream()
                .filter(m -> m.measure().canBeRiskAccepted()).toList());
        model.addAttribute("latestEnd", policy.latestEnd(BusinessDates.today(clock)));
        return VIEW;
    }
}
