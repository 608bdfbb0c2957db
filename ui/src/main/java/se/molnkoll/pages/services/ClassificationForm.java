package se.molnkoll.pages.services;

import se.molnkoll.input.FormFields;
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
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.command.SetClassification;
import se.molnkoll.kernel.query.CloudServiceView;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/** Setting the information classification, with a preview of what it makes applicable before it is saved. */
@Controller
class ClassificationForm {

    static final String VIEW = "services/classification-form";
    static final String PREVIEW = "services/classification-form :: preview";

    private final FormSending forms;
    private final MeasureCatalogue catalogue;

    ClassificationForm(FormSending forms, MeasureCatalogue catalogue) {
        this.forms = forms;
        this.catalogue = catalogue;
    }

    @GetMapping("/services/{id}/classification")
    String initClassificationForm(@PathVariable String id, Model model) {
        CloudServiceView view = forms.current(id);
        model.addAttribute("form", FormFields.Classify.of(view.classification()));
        return classificationForm(view, null, model);
    }

    @PostMapping("/services/{id}/classification")
    String processClassificationForm(@PathVariable String id, @Valid @ModelAttribute("form") FormFields.Classify form,
                                     BindingResult binding, @RequestParam(required = false) String preview,
                                     Model model, RedirectAttributes redirect, Locale locale) {
        CloudServiceView view = forms.current(id);
        Classification proposed = proposed(form, binding);
        if (binding.hasErrors() || preview != null) return classificationForm(view, proposed, model);
        return forms.send(view.id(), new SetClassification(view.id(), proposed), "flash.classified", redirect, model, locale,
                () -> classificationForm(view, proposed, model));
    }

    /** The form's preview part alone, for htmx to swap in as the user changes the classes. */
    @PostMapping("/services/{id}/classification/preview")
    String previewClassification(@PathVariable String id, @Valid @ModelAttribute("form") FormFields.Classify form,
                                 BindingResult binding, Model model) {
        CloudServiceView view = forms.current(id);
        classificationForm(view, proposed(form, binding), model);
        return PREVIEW;
    }

    private static Classification proposed(FormFields.Classify form, BindingResult binding) {
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
        return VIEW;
    }

    /** What a classification would make applicable: per phase, and what it adds to and removes from today's. */
    record Preview(Map<Phase, Long> perPhase, List<MeasurePhase> added, List<MeasurePhase> removed, long measures) {
    }

    private static Map<Phase, Long> countPerPhase(Set<MeasurePhase> pairs) {
        Map<Phase, Long> counts = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) counts.put(phase, pairs.stream().filter(p -> p.phase() == phase).count());
        return counts;
    }
}
