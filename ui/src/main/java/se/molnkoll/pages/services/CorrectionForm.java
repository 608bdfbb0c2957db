package se.molnkoll.pages.services;

import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.molnkoll.input.CommandInput;
import se.molnkoll.kernel.ServiceModel;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.security.UnitScope;

import java.util.Locale;

/**
 * Correcting what was registered about a service: the form shows the details as recorded; what the
 * manager changes becomes one event per detail, with the reason. Moving the service to a unit the
 * manager may not change is refused next to the field (and by the unit guard behind it).
 */
@Controller
class CorrectionForm {

    static final String VIEW = "services/correction-form";

    private final FormSending forms;

    CorrectionForm(FormSending forms) {
        this.forms = forms;
    }

    @GetMapping("/services/{id}/correction")
    String initCorrectionForm(@PathVariable String id, Model model, Authentication who) {
        CloudServiceView view = forms.current(id);
        Forms.Correction form = new Forms.Correction();
        form.setName(view.name());
        form.setVendor(view.vendor());
        form.setServiceModel(view.serviceModel());
        form.setOrganisationUnit(view.organisationUnit());
        form.setOwner(view.owner());
        model.addAttribute("form", form);
        return correctionForm(view, model, who);
    }

    @PostMapping("/services/{id}/correction")
    String processCorrectionForm(@PathVariable String id, @Valid @ModelAttribute("form") Forms.Correction form,
                                 BindingResult binding, Model model, RedirectAttributes redirect, Locale locale,
                                 Authentication who) {
        CloudServiceView view = forms.current(id);
        UnitScope.of(who).ifPresent(units -> {
            if (form.getOrganisationUnit() != null && !form.getOrganisationUnit().isBlank()
                    && !units.contains(form.getOrganisationUnit().strip())) {
                binding.rejectValue("organisationUnit", "UnitNotAllowed", new Object[]{String.join(", ", units)}, null);
            }
        });
        if (binding.hasErrors()) return correctionForm(view, model, who);
        return forms.send(view.id(), CommandInput.correct(view.id(), form.getName(), form.getVendor(), form.getServiceModel(),
                form.getOrganisationUnit(), form.getOwner(), form.getReason()), "flash.corrected", redirect, model, locale,
                () -> correctionForm(view, model, who));
    }

    private static String correctionForm(CloudServiceView view, Model model, Authentication who) {
        model.addAttribute("view", view);
        model.addAttribute("serviceModels", ServiceModel.values());
        // a manager limited to organisation units moves a service only among them
        model.addAttribute("allowedUnits", UnitScope.of(who).orElse(null));
        return VIEW;
    }
}
