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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.query.CloudServiceView;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import se.molnkoll.input.Lengths;

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
    String revoke(@PathVariable String id, @RequestParam(required = false) String measureId,
                  @RequestParam(required = false) String phase, @RequestParam(required = false) String revokedFrom,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        CloudServiceView view = forms.current(id);
        Integer measure = number(measureId);
        Phase inPhase = Arrays.stream(Phase.values()).filter(p -> p.name().equals(phase)).findFirst().orElse(null);
        LocalDate from = date(revokedFrom);
        if (measure == null || inPhase == null || from == null || reason == null || reason.isBlank()
                || reason.length() > Lengths.TEXT) {
            redirect.addFlashAttribute("refused", List.of(forms.text("flash.revocationNeeds", locale)));
            return FormSending.serviceRedirect(view.id());
        }
        return forms.sendThenBack(view.id(), CommandInput.revokeRisk(view.id(), measure, inPhase, from, reason),
                "flash.riskRevoked", redirect, locale);
    }

    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        try {
            LocalDate day = value == null ? null : LocalDate.parse(value.strip());
            return day == null || day.getYear() < 1900 || day.getYear() > 2999 ? null : day;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String riskForm(CloudServiceView view, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("phases", Phase.values());
        model.addAttribute("acceptable", forms.applicableMeasures(view).stream()
                .filter(m -> m.measure().canBeRiskAccepted()).toList());
        return VIEW;
    }
}
