package se.molnkoll.pages.vendors;

import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.molnkoll.exports.RegisterExport;
import se.molnkoll.exports.ServiceExports;
import se.molnkoll.input.CommandInput;
import se.molnkoll.input.RefusalWords;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.VendorId;
import se.molnkoll.kernel.command.RuleViolationException;
import se.molnkoll.kernel.query.AuditFilter;
import se.molnkoll.kernel.query.AuditPage;
import se.molnkoll.kernel.query.FindAuditTrail;
import se.molnkoll.kernel.query.FindServiceLocations;
import se.molnkoll.kernel.query.FindVendor;
import se.molnkoll.kernel.query.FindVendorLinkProposals;
import se.molnkoll.kernel.query.FindVendors;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.ServiceLocationsView;
import se.molnkoll.kernel.query.VendorLinkProposal;
import se.molnkoll.kernel.query.VendorSummary;
import se.molnkoll.kernel.query.VendorView;
import se.molnkoll.kernel.vendor.ContactPoint;
import se.molnkoll.pages.layout.PageMoment;
import se.molnkoll.recording.Recorder;
import se.molnkoll.security.Role;
import se.molnkoll.security.UnitScope;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Vendors: the list, a vendor's page with its contacts, sub-processors and the services that lean on it, the
 * forms that register and change them (contract managers), the links proposed for services that name their
 * vendor only in words, and measure 5's inventory with the location conflicts.
 */
@Controller
class VendorPages {

    private final Recorder recorder;
    private final QueryGateway queries;
    private final RefusalWords refusals;
    private final org.springframework.context.MessageSource messages;
    private final ServiceExports exports;
    private final Clock clock;

    VendorPages(Recorder recorder, QueryGateway queries, RefusalWords refusals, org.springframework.context.MessageSource messages,
                ServiceExports exports, Clock clock) {
        this.recorder = recorder;
        this.queries = queries;
        this.refusals = refusals;
        this.messages = messages;
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping("/vendors")
    String list(Model model) {
        model.addAttribute("vendors", queries.query(new FindVendors(Moment.NOW), ResponseTypes.multipleInstancesOf(VendorSummary.class)).join());
        return "vendors/vendors";
    }

    @GetMapping("/vendors/new")
    String newVendor(Model model) {
        model.addAttribute("form", new VendorForm());
        return "vendors/vendor-form";
    }

    @PostMapping("/vendors/new")
    String register(@Valid @ModelAttribute("form") VendorForm form, BindingResult binding, Model model, RedirectAttributes redirect,
                    Locale locale) {
        if (binding.hasErrors()) return "vendors/vendor-form";
        VendorId id = VendorId.random();
        return send(id, CommandInput.registerVendor(id, details(form)), "flash.vendorRegistered", redirect, model, locale,
                () -> "vendors/vendor-form", "redirect:/vendors/" + id.value());
    }

    @GetMapping("/vendors/{id}")
    String vendor(@PathVariable String id, @RequestParam(required = false) String asOf, @RequestParam(required = false) String asOfTime,
                  Authentication who, Model model) {
        PageMoment moment = PageMoment.parse(asOf, asOfTime, null, clock);
        VendorView view = find(id, moment.problems().isEmpty() ? moment.moment() : Moment.NOW);
        model.addAttribute("view", view);
        model.addAttribute("moment", moment);
        model.addAttribute("mayChange", Role.isManager(who) && moment.isNow());
        model.addAttribute("purposes", ContactPoint.Purpose.values());
        model.addAttribute("today", BusinessDates.today(clock));
        if (Role.mayReadAuditTrail(who)) {
            model.addAttribute("history", queries.query(new FindAuditTrail(new AuditFilter(CloudServiceId.of(view.vendorId().value()),
                    null, null, null, null), 0, 100, false), ResponseTypes.instanceOf(AuditPage.class)).join().entries());
        }
        return "vendors/vendor";
    }

    @GetMapping("/vendors/{id}/correction")
    String correction(@PathVariable String id, Model model) {
        VendorView view = find(id, Moment.NOW);
        model.addAttribute("view", view);
        model.addAttribute("form", VendorForm.of(view.details()));
        return "vendors/vendor-correction";
    }

    @PostMapping("/vendors/{id}/correction")
    String correct(@PathVariable String id, @Valid @ModelAttribute("form") VendorForm form, BindingResult binding, Model model,
                   RedirectAttributes redirect, Locale locale) {
        VendorView view = find(id, Moment.NOW);
        model.addAttribute("view", view);
        if (binding.hasErrors()) return "vendors/vendor-correction";
        return send(view.vendorId(), CommandInput.correctVendor(view.vendorId(), details(form), form.getReason()),
                "flash.vendorCorrected", redirect, model, locale, () -> "vendors/vendor-correction", "redirect:/vendors/" + id);
    }

    @PostMapping("/vendors/{id}/contacts")
    String contact(@PathVariable String id, @RequestParam(required = false) ContactPoint.Purpose purpose,
                   @RequestParam(required = false) String name, @RequestParam(required = false) String email,
                   @RequestParam(required = false) String phone, RedirectAttributes redirect, Locale locale) {
        VendorView view = find(id, Moment.NOW);
        if (purpose == null || tooLong(name, 200) || tooLong(email, 200) || tooLong(phone, 50)) {
            redirect.addFlashAttribute("refused", List.of(text("flash.contactNeeds", locale)));
            return "redirect:/vendors/" + id;
        }
        return sendThenBack(view.vendorId(), CommandInput.contact(view.vendorId(), purpose, name, email, phone), "flash.contactChanged",
                redirect, locale);
    }

    @GetMapping("/vendors/{id}/sub-processors/new")
    String newSubProcessor(@PathVariable String id, Model model) {
        model.addAttribute("view", find(id, Moment.NOW));
        SubProcessorForm form = new SubProcessorForm();
        form.setNotifiedOn(BusinessDates.today(clock));
        model.addAttribute("form", form);
        model.addAttribute("change", false);
        return "vendors/sub-processor-form";
    }

    @PostMapping("/vendors/{id}/sub-processors/new")
    String addSubProcessor(@PathVariable String id, @Valid @ModelAttribute("form") SubProcessorForm form, BindingResult binding,
                           Model model, RedirectAttributes redirect, Locale locale) {
        VendorView view = find(id, Moment.NOW);
        model.addAttribute("view", view);
        model.addAttribute("change", false);
        List<String> countries = CountryCodes.read(form.getProcessingCountries(), "processingCountries", binding);
        if (binding.hasErrors()) return "vendors/sub-processor-form";
        return send(view.vendorId(), CommandInput.addSubProcessor(view.vendorId(), CommandInput.subProcessor(form.getName(), form.getCountry(),
                        form.getParentCountry(), form.getActivity(), countries), form.getNotifiedOn()), "flash.subProcessorAdded",
                redirect, model, locale, () -> "vendors/sub-processor-form", "redirect:/vendors/" + id);
    }

    @GetMapping("/vendors/{id}/sub-processors/{subProcessorId}/change")
    String changeForm(@PathVariable String id, @PathVariable String subProcessorId, Model model) {
        VendorView view = find(id, Moment.NOW);
        VendorView.EngagedSubProcessor engaged = engaged(view, subProcessorId);
        SubProcessorForm form = SubProcessorForm.of(engaged.subProcessor());
        form.setNotifiedOn(BusinessDates.today(clock));
        model.addAttribute("view", view);
        model.addAttribute("form", form);
        model.addAttribute("change", true);
        model.addAttribute("subProcessorId", engaged.subProcessorId());
        return "vendors/sub-processor-form";
    }

    @PostMapping("/vendors/{id}/sub-processors/{subProcessorId}/change")
    String change(@PathVariable String id, @PathVariable String subProcessorId, @Valid @ModelAttribute("form") SubProcessorForm form,
                  BindingResult binding, Model model, RedirectAttributes redirect, Locale locale) {
        VendorView view = find(id, Moment.NOW);
        VendorView.EngagedSubProcessor engaged = engaged(view, subProcessorId);
        model.addAttribute("view", view);
        model.addAttribute("change", true);
        model.addAttribute("subProcessorId", engaged.subProcessorId());
        List<String> countries = CountryCodes.read(form.getProcessingCountries(), "processingCountries", binding);
        if (binding.hasErrors()) return "vendors/sub-processor-form";
        return send(view.vendorId(), CommandInput.changeSubProcessor(view.vendorId(), engaged.subProcessorId(), CommandInput.subProcessor(
                        form.getName(), form.getCountry(), form.getParentCountry(), form.getActivity(), countries), form.getNotifiedOn(),
                form.getReason()), "flash.subProcessorChanged", redirect, model, locale, () -> "vendors/sub-processor-form",
                "redirect:/vendors/" + id);
    }

    @PostMapping("/vendors/{id}/sub-processors/{subProcessorId}/removal")
    String remove(@PathVariable String id, @PathVariable String subProcessorId,
                  @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso =
                          org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate notifiedOn,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        VendorView view = find(id, Moment.NOW);
        VendorView.EngagedSubProcessor engaged = engaged(view, subProcessorId);
        if (tooLong(reason, se.molnkoll.input.Lengths.TEXT)) {
            redirect.addFlashAttribute("refused", List.of(text("flash.removalNeeds", locale)));
            return "redirect:/vendors/" + id;
        }
        return sendThenBack(view.vendorId(), CommandInput.removeSubProcessor(view.vendorId(), engaged.subProcessorId(), notifiedOn,
                reason), "flash.subProcessorRemoved", redirect, locale);
    }

    @GetMapping("/vendors/{id}/evidence/new")
    String newEvidence(@PathVariable String id, Model model) {
        model.addAttribute("view", find(id, Moment.NOW));
        VendorEvidenceForm form = new VendorEvidenceForm();
        form.setReceivedOn(BusinessDates.today(clock));
        model.addAttribute("form", form);
        model.addAttribute("kinds", se.molnkoll.kernel.EvidenceKind.values());
        return "vendors/evidence-form";
    }

    @PostMapping("/vendors/{id}/evidence/new")
    String recordEvidence(@PathVariable String id, @Valid @ModelAttribute("form") VendorEvidenceForm form, BindingResult binding,
                          Model model, RedirectAttributes redirect, Locale locale) {
        VendorView view = find(id, Moment.NOW);
        model.addAttribute("view", view);
        model.addAttribute("kinds", se.molnkoll.kernel.EvidenceKind.values());
        if (binding.hasErrors()) return "vendors/evidence-form";
        return send(view.vendorId(), CommandInput.recordVendorEvidence(view.vendorId(), form.getKind(), form.getTitle(), form.getIssuer(),
                form.getScope(), form.getReceivedOn(), form.getValidFrom(), form.getValidUntil(), form.getReference()),
                "flash.vendorEvidenceRecorded", redirect, model, locale, () -> "vendors/evidence-form", "redirect:/vendors/" + id);
    }

    @PostMapping("/vendors/{id}/evidence/{vendorEvidenceId}/withdrawal")
    String withdrawEvidence(@PathVariable String id, @PathVariable String vendorEvidenceId, @RequestParam(required = false) String reason,
                            RedirectAttributes redirect, Locale locale) {
        VendorView view = find(id, Moment.NOW);
        VendorView.EvidenceAtVendor evidence = view.evidence().stream().filter(e -> e.vendorEvidenceId().equals(vendorEvidenceId))
                .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (tooLong(reason, se.molnkoll.input.Lengths.TEXT)) {
            redirect.addFlashAttribute("refused", List.of(text("flash.removalNeeds", locale)));
            return "redirect:/vendors/" + id;
        }
        return sendThenBack(view.vendorId(), CommandInput.withdrawVendorEvidence(view.vendorId(), evidence.vendorEvidenceId(), reason),
                "flash.vendorEvidenceWithdrawn", redirect, locale);
    }

    /** Services that name their vendor only in words, each with the record whose name matches preselected. */
    @GetMapping("/vendors/links")
    String links(Authentication who, Model model) {
        model.addAttribute("proposals", queries.query(new FindVendorLinkProposals(),
                ResponseTypes.multipleInstancesOf(VendorLinkProposal.class)).join().stream()
                .filter(p -> UnitScope.allows(who, p.organisationUnit())).toList());
        model.addAttribute("vendors", queries.query(new FindVendors(Moment.NOW), ResponseTypes.multipleInstancesOf(VendorSummary.class)).join());
        return "vendors/links";
    }

    @PostMapping("/vendors/links")
    String link(@RequestParam(required = false) String serviceId, @RequestParam(required = false) String vendorId,
                @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        CloudServiceId service;
        VendorId vendor;
        try {
            service = CloudServiceId.of(serviceId);
            vendor = VendorId.of(vendorId);
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("refused", List.of(text("flash.linkNeeds", locale)));
            return "redirect:/vendors/links";
        }
        if (tooLong(reason, se.molnkoll.input.Lengths.TEXT)) {
            redirect.addFlashAttribute("refused", List.of(text("flash.linkNeeds", locale)));
            return "redirect:/vendors/links";
        }
        try {
            boolean visible = recorder.record(service, CommandInput.linkVendor(service, vendor, reason));
            redirect.addFlashAttribute("success", visible ? List.of(text("flash.vendorLinked", locale))
                    : List.of(text("flash.vendorLinked", locale), text("flash.notYetVisible", locale)));
        } catch (RuleViolationException refused) {
            redirect.addFlashAttribute("refused", refusals.reasons(refused, locale));
        }
        return "redirect:/vendors/links";
    }

    /** Measure 5's inventory: every service in use, where its data goes, and what the location check finds. */
    @GetMapping("/locations")
    String locations(@RequestParam(required = false) String unit, @RequestParam(required = false) Boolean conflicts,
                     @RequestParam(required = false) String asOf, @RequestParam(required = false) String asOfTime, Model model) {
        PageMoment moment = PageMoment.parse(asOf, asOfTime, null, clock);
        Moment at = moment.problems().isEmpty() ? moment.moment() : Moment.NOW;
        List<ServiceLocationsView> all = inventory(at, null, false);
        model.addAttribute("units", all.stream().map(ServiceLocationsView::organisationUnit).distinct().sorted().toList());
        model.addAttribute("services", all.stream().filter(s -> unit == null || unit.isBlank() || s.organisationUnit().equals(unit))
                .filter(s -> !Boolean.TRUE.equals(conflicts) || s.inConflict()).toList());
        model.addAttribute("unit", unit);
        model.addAttribute("conflictsOnly", Boolean.TRUE.equals(conflicts));
        model.addAttribute("moment", moment);
        return "vendors/locations";
    }

    @GetMapping("/locations/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format, @RequestParam(required = false) String unit,
                                                 @RequestParam(required = false) Boolean conflicts, @RequestParam(required = false) String asOf,
                                                 @RequestParam(required = false) String asOfTime, Locale locale) {
        RegisterExport.Format chosen;
        try {
            chosen = RegisterExport.Format.of(format == null ? "xlsx" : format);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        PageMoment moment = PageMoment.parse(asOf, asOfTime, null, clock);
        if (!moment.problems().isEmpty()) throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        return exports.inventory(chosen, inventory(moment.moment(), unit == null || unit.isBlank() ? null : unit,
                Boolean.TRUE.equals(conflicts)), locale);
    }

    private List<ServiceLocationsView> inventory(Moment moment, String unit, boolean conflictsOnly) {
        return queries.query(new FindServiceLocations(moment, null, unit, conflictsOnly),
                ResponseTypes.multipleInstancesOf(ServiceLocationsView.class)).join();
    }

    private static se.molnkoll.kernel.vendor.VendorDetails details(VendorForm form) {
        return CommandInput.vendorDetails(form.getName(), form.getOrganisationNumber(), form.getForeignRegistration(), form.getCountry(),
                form.getParentCompany(), form.getParentCountry());
    }

    private String send(VendorId vendor, Object command, String done, RedirectAttributes redirect, Model model, Locale locale,
                        Supplier<String> formAgain, String then) {
        try {
            boolean visible = recorder.recordVendor(vendor, command);
            redirect.addFlashAttribute("success", visible ? List.of(text(done, locale))
                    : List.of(text(done, locale), text("flash.notYetVisible", locale)));
            return then;
        } catch (RuleViolationException refused) {
            model.addAttribute("problems", refusals.reasons(refused, locale));
            return formAgain.get();
        }
    }

    private String sendThenBack(VendorId vendor, Object command, String done, RedirectAttributes redirect, Locale locale) {
        try {
            boolean visible = recorder.recordVendor(vendor, command);
            redirect.addFlashAttribute("success", visible ? List.of(text(done, locale))
                    : List.of(text(done, locale), text("flash.notYetVisible", locale)));
        } catch (RuleViolationException refused) {
            redirect.addFlashAttribute("refused", refusals.reasons(refused, locale));
        }
        return "redirect:/vendors/" + vendor.value();
    }

    private VendorView find(String id, Moment moment) {
        VendorId vendor;
        try {
            vendor = VendorId.of(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return queries.query(new FindVendor(vendor, moment), ResponseTypes.optionalInstanceOf(VendorView.class)).join()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static VendorView.EngagedSubProcessor engaged(VendorView view, String subProcessorId) {
        return view.subProcessors().stream().filter(s -> s.subProcessorId().equals(subProcessorId)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static boolean tooLong(String text, int limit) {
        return text != null && text.length() > limit;
    }
}
