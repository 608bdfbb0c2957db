package se.molnkoll.pages.services;

import se.molnkoll.input.FormFields;
import se.molnkoll.input.CommandInput;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.molnkoll.documents.DocumentTypes;
import se.molnkoll.documents.Documents;
import se.molnkoll.documents.StoredDocument;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.command.RecordEvidence;
import se.molnkoll.kernel.command.RuleViolationException;
import se.molnkoll.kernel.command.UnknownEvidenceException;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.input.Lengths;

import java.io.IOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Locale;

/**
 * Evidence: recording it (with its document, judged before anything is recorded), withdrawing it, and
 * attaching its document later.
 */
@Controller
class EvidenceForms {

    private static final Logger log = LoggerFactory.getLogger(EvidenceForms.class);
    static final String VIEW = "services/evidence-form";

    private final FormSending forms;
    private final Documents documents;
    private final Clock clock;
    private final MeasureCatalogue catalogue;

    EvidenceForms(FormSending forms, Documents documents, Clock clock, MeasureCatalogue catalogue) {
        this.forms = forms;
        this.documents = documents;
        this.clock = clock;
        this.catalogue = catalogue;
    }

    @GetMapping("/services/{id}/evidence/new")
    String initEvidenceForm(@PathVariable String id, Model model) {
        CloudServiceView view = forms.current(id);
        FormFields.Evidence form = new FormFields.Evidence();
        form.setReceivedOn(BusinessDates.today(clock));
        form.getPhases().add(view.phase() == Phase.EXIT ? Phase.EXIT : view.phase());
        model.addAttribute("form", form);
        return evidenceForm(view, model);
    }

    @PostMapping("/services/{id}/evidence/new")
    String processEvidenceForm(@PathVariable String id, @Valid @ModelAttribute("form") FormFields.Evidence form, BindingResult binding,
                               @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                               RedirectAttributes redirect, Locale locale) throws IOException {
        CloudServiceView view = forms.current(id);
        if (form.getMeasureIds().stream().anyMatch(m -> m == null || m < 1)) {
            binding.rejectValue("measureIds", "MeasureId"); // the form offers only real measures; someone typed this
        }
        byte[] content = file == null || file.isEmpty() ? null : file.getBytes();
        if (content != null) {
            // judged before anything is recorded, so that a refused file does not leave evidence without its document
            DocumentTypes.RefusedException refused = refusal(file, content);
            if (refused != null) {
                binding.reject(FormSending.REFUSED_DOCUMENT + refused.refusal().name(), refused.arguments().toArray(), null);
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
        RecordEvidence command = CommandInput.recordEvidence(view.id(), evidence, form.getMeasureIds(), form.getPhases(),
                form.getKind(), form.getTitle(), form.getIssuer(), form.getReceivedOn(), form.getValidFrom(),
                form.getValidUntil(), form.getDocumentSha256(), form.getReference());
        String next = forms.send(view.id(), command, "flash.evidenceRecorded", redirect, model, locale, () -> {
            if (content != null) model.addAttribute("fileChosen", file.getOriginalFilename());
            return evidenceForm(view, model);
        });
        if (content != null && next.startsWith("redirect:")) {
            try {
                documents.attach(view.id(), evidence, file.getOriginalFilename(), file.getContentType(), content);
                redirect.addFlashAttribute("success", List.of(forms.text("flash.evidenceRecordedWithDocument", locale)));
            } catch (RuntimeException refused) {
                // the evidence stands; its document can be attached from the service page
                log.warn("Evidence {} of {} recorded, its document not", evidence.value(), view.id().value(), refused);
                redirect.addFlashAttribute("refused", List.of(forms.text("flash.documentNotAttached", locale, forms.reason(refused, locale))));
            }
        }
        return next;
    }

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
        List<MeasureChoices.Group> groups = MeasureChoices.of(view, catalogue);
        List<Integer> offered = groups.stream().flatMap(g -> g.measures().stream()).map(MeasureChoices.Choice::id).toList();
        Map<EvidenceKind, String> presets = new EnumMap<>(EvidenceKind.class);
        for (EvidenceKind kind : EvidenceKind.values()) {
            List<Integer> preset = EvidencePresets.of(kind, offered);
            if (!preset.isEmpty()) presets.put(kind, preset.stream().map(String::valueOf).collect(Collectors.joining(" ")));
        }
        model.addAttribute("groups", groups);
        model.addAttribute("offered", offered.size());
        model.addAttribute("presets", presets);
        return VIEW;
    }

    @PostMapping("/services/{id}/evidence/{evidenceId}/withdrawal")
    String withdraw(@PathVariable String id, @PathVariable String evidenceId, @RequestParam(required = false) String reason,
                    RedirectAttributes redirect, Model model, Locale locale) {
        CloudServiceView view = forms.current(id);
        EvidenceId evidence = FormSending.evidenceId(evidenceId);
        if (reason == null || reason.isBlank() || reason.length() > Lengths.TEXT) {
            redirect.addFlashAttribute("refused", List.of(forms.text("flash.withdrawalNeedsReason", locale)));
            return FormSending.serviceRedirect(view.id());
        }
        return forms.sendThenBack(view.id(), CommandInput.withdraw(view.id(), evidence, reason), "flash.withdrawn", redirect, locale);
    }

    @PostMapping("/services/{id}/evidence/{evidenceId}/document")
    String attach(@PathVariable String id, @PathVariable String evidenceId,
                  @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect,
                  Locale locale) throws IOException {
        CloudServiceView view = forms.current(id);
        EvidenceId evidence = FormSending.evidenceId(evidenceId);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("refused", List.of(forms.text("flash.documentEmpty", locale)));
            return FormSending.serviceRedirect(view.id());
        }
        try {
            Documents.Attached attached = documents.attach(view.id(), evidence, file.getOriginalFilename(),
                    file.getContentType(), file.getBytes());
            redirect.addFlashAttribute("success", List.of(forms.text("flash.documentAttached", locale, attached.fileName())));
        } catch (RuleViolationException | ConcurrencyException | UnknownEvidenceException
                 | DocumentTypes.RefusedException refused) {
            redirect.addFlashAttribute("refused", List.of(forms.text("flash.documentRefused", locale) + " " + forms.reason(refused, locale)));
        }
        return FormSending.serviceRedirect(view.id());
    }
}
