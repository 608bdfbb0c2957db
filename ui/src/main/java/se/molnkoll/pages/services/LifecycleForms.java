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
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.command.Decommission;
import se.molnkoll.kernel.command.StartOperation;
import se.molnkoll.kernel.query.CloudServiceView;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import se.molnkoll.input.Lengths;

/** The service's life after acquisition: provider changes, starting operation, terminating the contract, decommissioning. */
@Controller
class LifecycleForms {

    static final String PROVIDER_CHANGE_VIEW = "services/provider-change-form";
    static final String TERMINATION_VIEW = "services/termination-form";

    private final FormSending forms;
    private final Clock clock;

    LifecycleForms(FormSending forms, Clock clock) {
        this.forms = forms;
        this.clock = clock;
    }

    @GetMapping("/services/{id}/provider-change")
    String initProviderChangeForm(@PathVariable String id, Model model) {
        Forms.ProviderChange form = new Forms.ProviderChange();
        form.setChangedOn(BusinessDates.today(clock));
        model.addAttribute("form", form);
        return withService(forms.current(id), model, PROVIDER_CHANGE_VIEW);
    }

    @PostMapping("/services/{id}/provider-change")
    String processProviderChangeForm(@PathVariable String id, @Valid @ModelAttribute("form") Forms.ProviderChange form,
                                     BindingResult binding, Model model, RedirectAttributes redirect, Locale locale) {
        CloudServiceView view = forms.current(id);
        if (binding.hasErrors()) return withService(view, model, PROVIDER_CHANGE_VIEW);
        return forms.send(view.id(), CommandInput.providerChange(view.id(), form.getDescription(), form.getChangedOn()),
                "flash.providerChange", redirect, model, locale, () -> withService(view, model, PROVIDER_CHANGE_VIEW));
    }

    @GetMapping("/services/{id}/termination")
    String initTerminationForm(@PathVariable String id, Model model) {
        Forms.Termination form = new Forms.Termination();
        form.setTerminatedOn(BusinessDates.today(clock));
        model.addAttribute("form", form);
        return withService(forms.current(id), model, TERMINATION_VIEW);
    }

    @PostMapping("/services/{id}/termination")
    String processTerminationForm(@PathVariable String id, @Valid @ModelAttribute("form") Forms.Termination form,
                                  BindingResult binding, Model model, RedirectAttributes redirect, Locale locale) {
        CloudServiceView view = forms.current(id);
        if (binding.hasErrors()) return withService(view, model, TERMINATION_VIEW);
        return forms.send(view.id(), CommandInput.terminate(view.id(), form.getTerminatedOn(), form.getReason()),
                "flash.terminated", redirect, model, locale, () -> withService(view, model, TERMINATION_VIEW));
    }

    @PostMapping("/services/{id}/operation")
    String startOperation(@PathVariable String id, RedirectAttributes redirect, Locale locale) {
        CloudServiceId service = forms.current(id).id();
        return forms.sendThenBack(service, new StartOperation(service), "flash.operationStarted", redirect, locale);
    }

    @PostMapping("/services/{id}/decommissioning")
    String decommission(@PathVariable String id, RedirectAttributes redirect, Locale locale) {
        CloudServiceId service = forms.current(id).id();
        return forms.sendThenBack(service, new Decommission(service), "flash.decommissioned", redirect, locale);
    }

    @PostMapping("/services/{id}/archiving")
    String archive(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes redirect,
                   Locale locale) {
        CloudServiceId service = forms.current(id).id();
        if (reason == null || reason.isBlank() || reason.length() > Lengths.TEXT) {
            redirect.addFlashAttribute("refused", List.of(forms.text("flash.archivingNeedsReason", locale)));
            return FormSending.serviceRedirect(service);
        }
        return forms.sendThenBack(service, CommandInput.archive(service, reason), "flash.archived", redirect, locale);
    }

    /** A form's view, with the service it is about. */
    private static String withService(CloudServiceView view, Model model, String formView) {
        model.addAttribute("view", view);
        return formView;
    }
}
