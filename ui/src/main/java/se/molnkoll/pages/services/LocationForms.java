package se.molnkoll.pages.services;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.molnkoll.input.BusinessDate;
import se.molnkoll.input.CommandInput;
import se.molnkoll.input.NotInFuture;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.FindServiceLocations;
import se.molnkoll.kernel.query.FindVendor;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.ServiceLocationsView;
import se.molnkoll.kernel.query.VendorView;
import se.molnkoll.pages.vendors.CountryCodes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static se.molnkoll.input.Lengths.TEXT;

/** A service's vendor record (linked from its page) and where its data is stored and processed (declared in a form). */
@Controller
class LocationForms {

    static final String FORM = "services/locations-form";

    private final FormSending forms;
    private final QueryGateway queries;
    private final Clock clock;
    private final se.molnkoll.kernel.catalogue.MeasureCatalogue catalogue;

    LocationForms(FormSending forms, QueryGateway queries, Clock clock, se.molnkoll.kernel.catalogue.MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
        this.forms = forms;
        this.queries = queries;
        this.clock = clock;
    }

    /** The locations as typed: the countries as "SE, FI", the sub-processors ticked among the vendor's. */
    public static class Locations {
        @NotBlank @Size(max = 300) private String storageCountries;
        @Size(max = 300) private String processingCountries;
        private List<String> subProcessorIds = new ArrayList<>();
        @NotNull @BusinessDate @NotInFuture @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate declaredOn;
        @Size(max = TEXT) private String evidence;

        public String getStorageCountries() { return storageCountries; }
        public void setStorageCountries(String storageCountries) { this.storageCountries = storageCountries; }
        public String getProcessingCountries() { return processingCountries; }
        public void setProcessingCountries(String processingCountries) { this.processingCountries = processingCountries; }
        public List<String> getSubProcessorIds() { return subProcessorIds; }
        public void setSubProcessorIds(List<String> subProcessorIds) { this.subProcessorIds = subProcessorIds == null ? new ArrayList<>() : subProcessorIds; }
        public LocalDate getDeclaredOn() { return declaredOn; }
        public void setDeclaredOn(LocalDate declaredOn) { this.declaredOn = declaredOn; }
        public String getEvidence() { return evidence; }
        public void setEvidence(String evidence) { this.evidence = evidence; }
    }

    /** Evidence of the service's vendor to adopt, for the measures and phases chosen. */
    public static class Adoption {
        @NotBlank private String vendorEvidenceId;
        @jakarta.validation.constraints.NotEmpty private List<Integer> measureIds = new ArrayList<>();
        @jakarta.validation.constraints.NotEmpty private List<se.molnkoll.kernel.Phase> phases = new ArrayList<>();

        public String getVendorEvidenceId() { return vendorEvidenceId; }
        public void setVendorEvidenceId(String vendorEvidenceId) { this.vendorEvidenceId = vendorEvidenceId; }
        public List<Integer> getMeasureIds() { return measureIds; }
        public void setMeasureIds(List<Integer> measureIds) { this.measureIds = measureIds == null ? new ArrayList<>() : measureIds; }
        public List<se.molnkoll.kernel.Phase> getPhases() { return phases; }
        public void setPhases(List<se.molnkoll.kernel.Phase> phases) { this.phases = phases == null ? new ArrayList<>() : phases; }
    }

    @GetMapping("/services/{id}/vendor-evidence")
    String adoptionForm(@PathVariable String id, @RequestParam(required = false) String vendorEvidenceId, Model model) {
        CloudServiceView view = forms.current(id);
        Adoption form = new Adoption();
        form.setVendorEvidenceId(vendorEvidenceId);
        form.getPhases().add(view.phase());
        model.addAttribute("form", form);
        return adoptionForm(view, model);
    }

    @PostMapping("/services/{id}/vendor-evidence")
    String adopt(@PathVariable String id, @Valid @ModelAttribute("form") Adoption form, BindingResult binding, Model model,
                 RedirectAttributes redirect, Locale locale) {
        CloudServiceView view = forms.current(id);
        if (form.getMeasureIds().stream().anyMatch(m -> m == null || m < 1)) {
            binding.rejectValue("measureIds", "MeasureId");
        }
        try {
            java.util.UUID.fromString(form.getVendorEvidenceId() == null ? "" : form.getVendorEvidenceId());
        } catch (IllegalArgumentException e) {
            if (!binding.hasFieldErrors("vendorEvidenceId")) binding.rejectValue("vendorEvidenceId", "NotBlank");
        }
        if (binding.hasErrors()) return adoptionForm(view, model);
        return forms.send(view.id(), CommandInput.adopt(view.id(), form.getVendorEvidenceId(), form.getMeasureIds(), form.getPhases()),
                "flash.vendorEvidenceAdopted", redirect, model, locale, () -> adoptionForm(view, model));
    }

    private String adoptionForm(CloudServiceView view, Model model) {
        ServiceLocationsView current = locations(view);
        VendorView vendor = current.vendorId() == null ? null : queries.query(new FindVendor(current.vendorId(), Moment.NOW),
                ResponseTypes.optionalInstanceOf(VendorView.class)).join().orElse(null);
        model.addAttribute("view", view);
        model.addAttribute("vendor", vendor);
        model.addAttribute("offered", vendor == null ? List.of() : vendor.evidence().stream()
                .filter(e -> !e.status().equals("WITHDRAWN") && !e.status().equals("EXPIRED"))
                .filter(e -> e.adoptedBy().stream().noneMatch(a -> a.serviceId().equals(view.id()))).toList());
        model.addAttribute("phases", se.molnkoll.kernel.Phase.values());
        model.addAttribute("groups", MeasureChoices.of(view, catalogue));
        return "services/adoption-form";
    }

    @GetMapping("/services/{id}/locations")
    String form(@PathVariable String id, Model model) {
        CloudServiceView view = forms.current(id);
        ServiceLocationsView current = locations(view);
        Locations form = new Locations();
        if (current.locations() != null) {
            form.setStorageCountries(String.join(", ", current.locations().storageCountries()));
            form.setProcessingCountries(String.join(", ", current.locations().processingCountries()));
            form.setSubProcessorIds(new ArrayList<>(current.locations().subProcessorIds()));
            form.setEvidence(current.locations().evidence());
        }
        form.setDeclaredOn(BusinessDates.today(clock));
        model.addAttribute("form", form);
        return show(view, current, model);
    }

    @PostMapping("/services/{id}/locations")
    String declare(@PathVariable String id, @Valid @ModelAttribute("form") Locations form, BindingResult binding, Model model,
                   RedirectAttributes redirect, Locale locale) {
        CloudServiceView view = forms.current(id);
        ServiceLocationsView current = locations(view);
        List<String> storage = CountryCodes.read(form.getStorageCountries(), "storageCountries", binding);
        List<String> processing = CountryCodes.read(form.getProcessingCountries(), "processingCountries", binding);
        if (binding.hasErrors()) return show(view, current, model);
        return forms.send(view.id(), CommandInput.declareLocations(view.id(), storage, processing, form.getSubProcessorIds(),
                form.getDeclaredOn(), form.getEvidence()), "flash.locationsDeclared", redirect, model, locale,
                () -> show(view, current, model));
    }

    /** Links the service to a vendor record, chosen on its page. */
    @PostMapping("/services/{id}/vendor-link")
    String link(@PathVariable String id, @RequestParam(required = false) String vendorId, @RequestParam(required = false) String reason,
                RedirectAttributes redirect, Locale locale) {
        CloudServiceView view = forms.current(id);
        VendorId vendor;
        try {
            vendor = VendorId.of(vendorId);
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("refused", List.of(forms.text("flash.linkNeeds", locale)));
            return FormSending.serviceRedirect(view.id());
        }
        if (reason != null && reason.length() > TEXT) {
            redirect.addFlashAttribute("refused", List.of(forms.text("flash.linkNeeds", locale)));
            return FormSending.serviceRedirect(view.id());
        }
        return forms.sendThenBack(view.id(), CommandInput.linkVendor(view.id(), vendor, reason), "flash.vendorLinked", redirect, locale);
    }

    private String show(CloudServiceView view, ServiceLocationsView current, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("current", current);
        model.addAttribute("vendor", current.vendorId() == null ? null : queries.query(new FindVendor(current.vendorId(), Moment.NOW),
                ResponseTypes.optionalInstanceOf(VendorView.class)).join().orElse(null));
        return FORM;
    }

    private ServiceLocationsView locations(CloudServiceView view) {
        return queries.query(new FindServiceLocations(Moment.NOW, view.id(), null, false),
                ResponseTypes.multipleInstancesOf(ServiceLocationsView.class)).join().stream().findFirst()
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
    }
}
