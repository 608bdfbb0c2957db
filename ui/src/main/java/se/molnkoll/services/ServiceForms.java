package se.molnkoll.services;

import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.molnkoll.documents.DocumentTypes;
import se.molnkoll.documents.Documents;
import se.molnkoll.documents.StoredDocument;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;
import se.molnkoll.kernel.catalogue.Measure;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.command.AcceptResidualRisk;
import se.molnkoll.kernel.command.Decommission;
import se.molnkoll.kernel.command.RecordEvidence;
import se.molnkoll.kernel.command.RecordProviderChange;
import se.molnkoll.kernel.command.RegisterCloudService;
import se.molnkoll.kernel.command.RuleViolationException;
import se.molnkoll.kernel.command.SetClassification;
import se.molnkoll.kernel.command.StartOperation;
import se.molnkoll.kernel.command.TerminateContract;
import se.molnkoll.kernel.command.UnknownEvidenceException;
import se.molnkoll.kernel.command.Violation;
import se.molnkoll.kernel.command.WithdrawEvidence;
import se.molnkoll.kernel.query.CloudServiceSummary;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.FindCloudServices;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.recording.Recorder;
import se.molnkoll.security.UnitScope;
import org.springframework.security.core.Authentication;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * The contract manager's forms: each GET shows a form, each POST sends one command and goes back to
 * the service (or shows the form again with what is wrong, next to the fields and in words).
 */
@Controller
class ServiceForms {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ServiceForms.class);

    static final String REGISTER_VIEW = "services/register-form";
    static final String CLASSIFICATION_VIEW = "services/classification-form";
    static final String CLASSIFICATION_PREVIEW = "services/classification-form :: preview";
    static final String EVIDENCE_VIEW = "services/evidence-form";
    static final String RISK_VIEW = "services/risk-form";
    static final String PROVIDER_CHANGE_VIEW = "services/provider-change-form";
    static final String TERMINATION_VIEW = "services/termination-form";

    private final Recorder recorder;
    private final QueryGateway queries;
    private final MeasureCatalogue catalogue;
    private final Documents documents;
    private final MessageSource messages;
    private final Clock clock;

    ServiceForms(Recorder recorder, QueryGateway queries, MeasureCatalogue catalogue, Documents documents,
                 MessageSource messages, Clock clock) {
        this.recorder = recorder;
        this.queries = queries;
        this.catalogue = catalogue;
        this.documents = documents;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- register --------------------------------------------------------------------------

    @GetMapping("/services/new")
    String initRegisterForm(Model model, Authentication who) {
        model.addAttribute("form", new Forms.Register());
        return registerForm(model, who);
    }

    @PostMapping("/services/new")
    String processRegisterForm(@Valid @ModelAttribute("form") Forms.Register form, BindingResult binding, Model model,
                               RedirectAttributes redirect, Locale locale, Authentication who) {
        UnitScope.of(who).ifPresent(units -> {
            if (form.getOrganisationUnit() != null && !form.getOrganisationUnit().isBlank()
                    && !units.contains(form.getOrganisationUnit().strip())) {
                binding.rejectValue("organisationUnit", "UnitNotAllowed", new Object[]{String.join(", ", units)}, null);
            }
        });
        if (binding.hasErrors()) return registerForm(model, who);
        CloudServiceId id = CloudServiceId.random();
        return send(id, new RegisterCloudService(id, form.getName().strip(), form.getVendor().strip(), form.getServiceModel(),
                form.getOrganisationUnit().strip(), form.getOwner().strip()), "flash.registered", redirect, model, locale,
                () -> registerForm(model, who));
    }

    private String registerForm(Model model, Authentication who) {
        model.addAttribute("serviceModels", ServiceModel.values());
        // a manager limited to organisation units chooses among them
        model.addAttribute("allowedUnits", UnitScope.of(who).orElse(null));
        model.addAttribute("units", queries.query(new FindCloudServices(Moment.NOW),
                        ResponseTypes.multipleInstancesOf(CloudServiceSummary.class)).join().stream()
                .map(CloudServiceSummary::organisationUnit).distinct().sorted().toList());
        return REGISTER_VIEW;
    }

    // ---- classification --------------------------------------------------------------------

    @GetMapping("/services/{id}/classification")
    String initClassificationForm(@PathVariable String id, Model model) {
        CloudServiceView view = current(id);
        model.addAttribute("form", Forms.Classify.of(view.classification()));
        return classificationForm(view, null, model);
    }

    @PostMapping("/services/{id}/classification")
    String processClassificationForm(@PathVariable String id, @Valid @ModelAttribute("form") Forms.Classify form,
                                     BindingResult binding, @RequestParam(required = false) String preview,
                                     Model model, RedirectAttributes redirect, Locale locale) {
        CloudServiceView view = current(id);
        Classification proposed = proposed(form, binding);
        if (binding.hasErrors() || preview != null) return classificationForm(view, proposed, model);
        return send(view.id(), new SetClassification(view.id(), proposed), "flash.classified", redirect, model, locale,
                () -> classificationForm(view, proposed, model));
    }

    /** The form's preview part alone, for htmx to swap in as the user changes the classes. */
    @PostMapping("/services/{id}/classification/preview")
    String previewClassification(@PathVariable String id, @Valid @ModelAttribute("form") Forms.Classify form,
                                 BindingResult binding, Model model) {
        CloudServiceView view = current(id);
        classificationForm(view, proposed(form, binding), model);
        return CLASSIFICATION_PREVIEW;
    }

    private static Classification proposed(Forms.Classify form, BindingResult binding) {
        for (String location : form.locations()) {
            if (!Classification.isValidLocation(location)) {
                binding.rejectValue("allowedLocations", "Location", new Object[]{location}, "not a location");
            }
        }
        return binding.hasErrors() ? null : form.classification();
    }

    /** The form, with what the proposed classification makes applicable compared with the current one. */
    private String classificationForm(CloudServiceView view, Classification proposed, Model model) {
        model.addAttribute("view", view);
        Classification current = view.classification() == null ? Classification.UNCLASSIFIED : view.classification();
        SortedSet<MeasurePhase> now = catalogue.applicablePairs(current);
        if (proposed != null) {
            SortedSet<MeasurePhase> then = catalogue.applicablePairs(proposed);
            model.addAttribute("preview", new Preview(countPerPhase(then),
                    then.stream().filter(p -> !now.contains(p)).toList(),
                    now.stream().filter(p -> !then.contains(p)).toList(),
                    then.stream().map(MeasurePhase::measureId).distinct().count()));
        }
        model.addAttribute("classes", List.of(0, 1, 2, 3, 4));
        return CLASSIFICATION_VIEW;
    }

    /** What a classification would make applicable: per phase, and what it adds to and removes from today's. */
    record Preview(Map<Phase, Long> perPhase, List<MeasurePhase> added, List<MeasurePhase> removed, long measures) {
    }

    private static Map<Phase, Long> countPerPhase(Set<MeasurePhase> pairs) {
        Map<Phase, Long> counts = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) counts.put(phase, pairs.stream().filter(p -> p.phase() == phase).count());
        return counts;
    }

    // ---- evidence --------------------------------------------------------------------------

    @GetMapping("/services/{id}/evidence/new")
    String initEvidenceForm(@PathVariable String id, Model model) {
        CloudServiceView view = current(id);
        Forms.Evidence form = new Forms.Evidence();
        form.setReceivedOn(BusinessDates.today(clock));
        form.getPhases().add(view.phase() == Phase.EXIT ? Phase.EXIT : view.phase());
        model.addAttribute("form", form);
        return evidenceForm(view, model);
    }

    @PostMapping("/services/{id}/evidence/new")
    String processEvidenceForm(@PathVariable String id, @Valid @ModelAttribute("form") Forms.Evidence form, BindingResult binding,
                               @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                               RedirectAttributes redirect, Locale locale) throws IOException {
        CloudServiceView view = current(id);
        if (form.getMeasureIds().stream().anyMatch(m -> m == null || m < 1)) {
            binding.rejectValue("measureIds", "MeasureId"); // the form offers only real measures; someone typed this
        }
        byte[] content = file == null || file.isEmpty() ? null : file.getBytes();
        if (content != null) {
            // judged before anything is recorded, so that a refused file does not leave evidence without its document
            DocumentTypes.RefusedException refused = refusal(file, content);
            if (refused != null) {
                binding.reject(REFUSED_DOCUMENT + refused.refusal().name(), refused.arguments().toArray(), null);
            } else if (form.getDocumentSha256() != null && !form.getDocumentSha256().isBlank()
                    && !form.getDocumentSha256().equalsIgnoreCase(StoredDocument.sha256Of(content))) {
                binding.rejectValue("documentSha256", "document.hashMismatch");
            }
        }
        if (binding.hasErrors()) {
            if (content != null) model.addAttribute("fileChosen", file.getOriginalFilename());
            return evidenceForm(view, model);
        }
        EvidenceId evidence = EvidenceId.random();
        RecordEvidence command = new RecordEvidence(view.id(), evidence,
                form.getMeasureIds().stream().map(MeasureId::new).collect(Collectors.toSet()), Set.copyOf(form.getPhases()),
                form.getKind(), form.getTitle().strip(), form.getIssuer().strip(), form.getReceivedOn(), form.getValidFrom(),
                form.getValidUntil(), Forms.blankToNull(form.getDocumentSha256()) == null ? null
                : form.getDocumentSha256().strip().toLowerCase(Locale.ROOT), Forms.blankToNull(form.getReference()));
        String next = send(view.id(), command, "flash.evidenceRecorded", redirect, model, locale, () -> {
            if (content != null) model.addAttribute("fileChosen", file.getOriginalFilename());
            return evidenceForm(view, model);
        });
        if (content != null && next.startsWith("redirect:")) {
            try {
                documents.attach(view.id(), evidence, file.getOriginalFilename(), file.getContentType(), content);
                redirect.addFlashAttribute("success", List.of(text("flash.evidenceRecordedWithDocument", locale)));
            } catch (RuntimeException refused) {
                // the evidence stands; its document can be attached from the service page
                log.warn("Evidence {} of {} recorded, its document not", evidence.value(), view.id().value(), refused);
                redirect.addFlashAttribute("refused", List.of(text("flash.documentNotAttached", locale, reason(refused, locale))));
            }
        }
        return next;
    }

    /** The messages of document refusals: this and the refusal's name. */
    private static final String REFUSED_DOCUMENT = "document.refused.";

    /** Why the uploaded document would be refused, or null: judged before anything is recorded. */
    private static DocumentTypes.RefusedException refusal(MultipartFile file, byte[] content) {
        try {
            Documents.judge(file.getOriginalFilename(), file.getContentType(), content);
            return null;
        } catch (DocumentTypes.RefusedException refused) {
            return refused;
        }
    }

    private String evidenceForm(CloudServiceView view, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("kinds", EvidenceKind.values());
        model.addAttribute("phases", Phase.values());
        model.addAttribute("applicable", applicableMeasures(view));
        return EVIDENCE_VIEW;
    }

    /** The measures that apply to the service, each with the phases it belongs to among those that apply. */
    private List<ApplicableMeasure> applicableMeasures(CloudServiceView view) {
        Map<MeasureId, List<Phase>> phases = view.measures().stream().collect(Collectors.groupingBy(
                m -> m.measureId(), java.util.TreeMap::new, Collectors.mapping(m -> m.phase(), Collectors.toList())));
        List<ApplicableMeasure> applicable = new ArrayList<>();
        phases.forEach((id, in) -> applicable.add(new ApplicableMeasure(catalogue.measure(id).orElseThrow(), in)));
        return applicable;
    }

    /** A measure that applies, with its applicable phases, and the first line of its text as a label. */
    record ApplicableMeasure(Measure measure, List<Phase> phases) {
        public String summary() {
            String first = measure.text().lines().findFirst().orElse("");
            return first.length() > 140 ? first.substring(0, 137) + "…" : first;
        }
    }

    @PostMapping("/services/{id}/evidence/{evidenceId}/withdrawal")
    String withdraw(@PathVariable String id, @PathVariable String evidenceId, @RequestParam(required = false) String reason,
                    RedirectAttributes redirect, Model model, Locale locale) {
        CloudServiceView view = current(id);
        EvidenceId evidence = evidenceId(evidenceId);
        if (reason == null || reason.isBlank() || reason.length() > se.molnkoll.api.validation.Lengths.TEXT) {
            redirect.addFlashAttribute("refused", List.of(text("flash.withdrawalNeedsReason", locale)));
            return serviceRedirect(view.id());
        }
        return sendThenBack(view.id(), new WithdrawEvidence(view.id(), evidence, reason.strip()), "flash.withdrawn", redirect, locale);
    }

    @PostMapping("/services/{id}/evidence/{evidenceId}/document")
    String attach(@PathVariable String id, @PathVariable String evidenceId,
                  @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect,
                  Locale locale) throws IOException {
        CloudServiceView view = current(id);
        EvidenceId evidence = evidenceId(evidenceId);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("refused", List.of(text("flash.documentEmpty", locale)));
            return serviceRedirect(view.id());
        }
        try {
            Documents.Attached attached = documents.attach(view.id(), evidence, file.getOriginalFilename(),
                    file.getContentType(), file.getBytes());
            redirect.addFlashAttribute("success", List.of(text("flash.documentAttached", locale, attached.fileName())));
        } catch (RuleViolationException | ConcurrencyException | UnknownEvidenceException
                 | DocumentTypes.RefusedException refused) {
            redirect.addFlashAttribute("refused", List.of(text("flash.documentRefused", locale) + " " + reason(refused, locale)));
        }
        return serviceRedirect(view.id());
    }

    // ---- risk acceptance, provider change, termination, operation, decommissioning ---------

    @GetMapping("/services/{id}/risk-acceptance")
    String initRiskForm(@PathVariable String id, Model model) {
        model.addAttribute("form", new Forms.RiskAcceptance());
        return riskForm(current(id), model);
    }

    @PostMapping("/services/{id}/risk-acceptance")
    String processRiskForm(@PathVariable String id, @Valid @ModelAttribute("form") Forms.RiskAcceptance form,
                           BindingResult binding, Model model, RedirectAttributes redirect, Locale locale) {
        CloudServiceView view = current(id);
        if (binding.hasErrors()) return riskForm(view, model);
        return send(view.id(), new AcceptResidualRisk(view.id(), new MeasureId(form.getMeasureId()), form.getPhase(),
                form.getRiskOwner().strip(), form.getMotivation().strip(), form.getValidUntil()), "flash.riskAccepted",
                redirect, model, locale, () -> riskForm(view, model));
    }

    private String riskForm(CloudServiceView view, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("phases", Phase.values());
        model.addAttribute("acceptable", applicableMeasures(view).stream()
                .filter(m -> m.measure().canBeRiskAccepted()).toList());
        return RISK_VIEW;
    }

    @GetMapping("/services/{id}/provider-change")
    String initProviderChangeForm(@PathVariable String id, Model model) {
        Forms.ProviderChange form = new Forms.ProviderChange();
        form.setChangedOn(BusinessDates.today(clock));
        model.addAttribute("form", form);
        model.addAttribute("view", current(id));
        return PROVIDER_CHANGE_VIEW;
    }

    @PostMapping("/services/{id}/provider-change")
    String processProviderChangeForm(@PathVariable String id, @Valid @ModelAttribute("form") Forms.ProviderChange form,
                                     BindingResult binding, Model model, RedirectAttributes redirect, Locale locale) {
        CloudServiceView view = current(id);
        model.addAttribute("view", view);
        if (binding.hasErrors()) return PROVIDER_CHANGE_VIEW;
        return send(view.id(), new RecordProviderChange(view.id(), form.getDescription().strip(), form.getChangedOn()),
                "flash.providerChange", redirect, model, locale, () -> PROVIDER_CHANGE_VIEW);
    }

    @GetMapping("/services/{id}/termination")
    String initTerminationForm(@PathVariable String id, Model model) {
        Forms.Termination form = new Forms.Termination();
        form.setTerminatedOn(BusinessDates.today(clock));
        model.addAttribute("form", form);
        model.addAttribute("view", current(id));
        return TERMINATION_VIEW;
    }

    @PostMapping("/services/{id}/termination")
    String processTerminationForm(@PathVariable String id, @Valid @ModelAttribute("form") Forms.Termination form,
                                  BindingResult binding, Model model, RedirectAttributes redirect, Locale locale) {
        CloudServiceView view = current(id);
        model.addAttribute("view", view);
        if (binding.hasErrors()) return TERMINATION_VIEW;
        return send(view.id(), new TerminateContract(view.id(), form.getTerminatedOn(), form.getReason().strip()),
                "flash.terminated", redirect, model, locale, () -> TERMINATION_VIEW);
    }

    @PostMapping("/services/{id}/operation")
    String startOperation(@PathVariable String id, RedirectAttributes redirect, Locale locale) {
        CloudServiceId service = current(id).id();
        return sendThenBack(service, new StartOperation(service), "flash.operationStarted", redirect, locale);
    }

    @PostMapping("/services/{id}/decommissioning")
    String decommission(@PathVariable String id, RedirectAttributes redirect, Locale locale) {
        CloudServiceId service = current(id).id();
        return sendThenBack(service, new Decommission(service), "flash.decommissioned", redirect, locale);
    }

    // ---- sending ---------------------------------------------------------------------------

    /**
     * Sends the command. Accepted: back to the service with a note (and a word that the pages catch up
     * in a moment if the read models have not yet). Refused: the form again with the reasons in words.
     */
    private String send(CloudServiceId service, Object command, String done, RedirectAttributes redirect, Model model,
                        Locale locale, java.util.function.Supplier<String> formAgain) {
        return record(service, command, done, redirect, locale, reasons -> {
            model.addAttribute("problems", reasons);
            return formAgain.get();
        });
    }

    /** As {@link #send}, for commands without a form: the reasons go back to the service page. */
    private String sendThenBack(CloudServiceId service, Object command, String done, RedirectAttributes redirect, Locale locale) {
        return record(service, command, done, redirect, locale, reasons -> {
            redirect.addFlashAttribute("refused", reasons);
            return serviceRedirect(service);
        });
    }

    private String record(CloudServiceId service, Object command, String done, RedirectAttributes redirect, Locale locale,
                          java.util.function.Function<List<String>, String> refusedThen) {
        try {
            boolean visible = recorder.record(service, command);
            redirect.addFlashAttribute("success", visible ? List.of(text(done, locale))
                    : List.of(text(done, locale), text("flash.notYetVisible", locale)));
            return serviceRedirect(service);
        } catch (RuleViolationException | ConcurrencyException | UnknownEvidenceException refused) {
            return refusedThen.apply(reasons(refused, locale));
        }
    }

    /** Each reason a command was refused, in the user's language. */
    private List<String> reasons(RuntimeException refused, Locale locale) {
        if (refused instanceof RuleViolationException violation) {
            return violation.violations().stream().map(v -> words(v, locale)).toList();
        }
        return List.of(reason(refused, locale));
    }

    private String reason(RuntimeException refused, Locale locale) {
        if (refused instanceof RuleViolationException violation) {
            return String.join(" ", reasons(violation, locale));
        }
        if (refused instanceof ConcurrencyException) return text("problem.concurrentChange", locale);
        if (refused instanceof UnknownEvidenceException) return text("problem.unknownEvidence", locale);
        if (refused instanceof DocumentTypes.RefusedException document) {
            return messages.getMessage(REFUSED_DOCUMENT + document.refusal().name(), document.arguments().toArray(), locale);
        }
        return text("problem.unexpected", locale);
    }

    /** A rule's reason in words; the measures it names, if any, listed after it. */
    private String words(Violation violation, Locale locale) {
        Map<MeasureId, List<String>> phases = violation.measures().stream().collect(Collectors.groupingBy(
                MeasurePhase::measureId, java.util.TreeMap::new,
                Collectors.mapping(p -> text("phase." + p.phase(), locale), Collectors.toList())));
        String measures = phases.entrySet().stream()
                .map(e -> e.getKey().value() + " (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining(", "));
        return messages.getMessage("rule." + violation.rule(), new Object[]{measures}, violation.message(), locale);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private CloudServiceView current(String id) {
        CloudServiceId service = ServicePage.serviceId(id);
        CloudServiceView view = queries.query(new FindCloudService(service), ResponseTypes.optionalInstanceOf(CloudServiceView.class))
                .join().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (view.decommissioned()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "decommissioned");
        }
        return view;
    }

    private static EvidenceId evidenceId(String id) {
        try {
            return EvidenceId.of(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static String serviceRedirect(CloudServiceId service) {
        return "redirect:/services/" + service.value();
    }
}
