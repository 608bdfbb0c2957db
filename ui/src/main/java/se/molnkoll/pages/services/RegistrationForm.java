package se.molnkoll.pages.services;

import se.molnkoll.input.FormFields;
import se.molnkoll.input.CommandInput;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.ServiceModel;
import se.molnkoll.kernel.query.CloudServiceSummary;
import se.molnkoll.kernel.query.FindCloudServices;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.security.UnitScope;

import java.util.Locale;

/** Registering a cloud service being acquired (a limited manager chooses among their own units). */
@Controller
class RegistrationForm {

    static final String VIEW = "services/register-form";

    private final FormSending forms;
    private final QueryGateway queries;

    RegistrationForm(FormSending forms, QueryGateway queries) {
        this.forms = forms;
        this.queries = queries;
    }

    @GetMapping("/services/new")
    String initRegisterForm(Model model, Authentication who) {
        model.addAttribute("form", new FormFields.Register());
        return registerForm(model, who);
    }

    @PostMapping("/services/new")
    String processRegisterForm(@Valid @ModelAttribute("form") FormFields.Register form, BindingResult binding, Model model,
                               RedirectAttributes redirect, Locale locale, Authentication who) {
        UnitScope.of(who).ifPresent(units -> {
            if (form.getOrganisationUnit() != null && !form.getOrganisationUnit().isBlank()
                    && !units.contains(form.getOrganisationUnit().strip())) {
                binding.rejectValue("organisationUnit", "UnitNotAllowed", new Object[]{String.join(", ", units)}, null);
            }
        });
        se.molnkoll.kernel.VendorId vendor = null;
        if (form.getVendorId() != null && !form.getVendorId().isBlank()) {
            try {
                vendor = se.molnkoll.kernel.VendorId.of(form.getVendorId().strip());
            } catch (IllegalArgumentException e) {
                binding.rejectValue("vendorId", "NotBlank");
            }
        }
        if (binding.hasErrors()) return registerForm(model, who);
        CloudServiceId id = CloudServiceId.random();
        return forms.sendRegistration(id, CommandInput.register(id, form.getName(), form.getVendor(), form.getServiceModel(),
                form.getOrganisationUnit(), form.getOwner()), vendor == null ? null : CommandInput.linkVendor(id, vendor,
                forms.text("registerForm.linkReason", locale)), "flash.registered", redirect, model, locale, () -> registerForm(model, who));
    }

    private String registerForm(Model model, Authentication who) {
        model.addAttribute("serviceModels", ServiceModel.values());
        model.addAttribute("vendors", queries.query(new se.molnkoll.kernel.query.FindVendors(Moment.NOW),
                ResponseTypes.multipleInstancesOf(se.molnkoll.kernel.query.VendorSummary.class)).join());
        // a manager limited to organisation units chooses among them
        model.addAttribute("allowedUnits", UnitScope.of(who).orElse(null));
        model.addAttribute("units", queries.query(new FindCloudServices(Moment.NOW),
                        ResponseTypes.multipleInstancesOf(CloudServiceSummary.class)).join().stream()
                .map(CloudServiceSummary::organisationUnit).distinct().sorted().toList());
        return VIEW;
    }
}
