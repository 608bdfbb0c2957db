package se.molnkoll.pages.services;

import se.molnkoll.input.CommandInput;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.query.CloudServiceView;

import java.util.List;
import java.util.Locale;

/** Accepting the residual risk of a measure in a phase. */
@Controller
class RiskAcceptanceForm {

    static final String VIEW = "services/risk-form";

    private final FormSending forms;

    RiskAcceptanceForm(FormSending forms) {
        this.forms = forms;
    }

    @GetMapping("/services/{id}/risk-acceptance")
    String initRiskForm(@PathVariable String id, Model model) {
        model.addAttribute("form", new Forms.RiskAcceptance());
        return riskForm(forms.current(id), model);
    }

    @PostMapping("/services/{id}/risk-acceptance")
    String processRiskForm(@PathVariable String id, @Valid @ModelAttribute("form") Forms.RiskAcceptance form,
                           BindingResult binding, Model model, RedirectAttributes redirect, Locale locale) {
        CloudServiceView view = forms.current(id);
        if (binding.hasErrors()) return riskForm(view, model);
        return forms.send(view.id(), CommandInput.acceptRisk(view.id(), form.getMeasureId(), form.getPhase(),
                form.getRiskOwner(), form.getMotivation(), form.getValidUntil()), "flash.riskAccepted",
                redirect, model, locale, () -> riskForm(view, model));
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
        return VIEW;
    }
}
