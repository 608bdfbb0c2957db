package se.molnkoll.pages.catalogue;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.catalogue.Measure;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;

import java.util.List;
import java.util.Locale;

/** The routine's 42 measures with their criteria, phases, text and references; filtered by phase, criterion and words. */
@Controller
class CataloguePage {

    static final String VIEW = "catalogue";

    private final MeasureCatalogue catalogue;

    CataloguePage(MeasureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/catalogue")
    String catalogue(@RequestParam(required = false) Phase phase, @RequestParam(required = false) Criterion criterion,
                     @RequestParam(required = false) String q, Model model) {
        String words = q == null ? "" : q.strip().toLowerCase(new Locale("sv"));
        List<Measure> shown = catalogue.measures().stream()
                .filter(m -> phase == null || m.belongsTo(phase))
                .filter(m -> criterion == null || has(m, criterion))
                .filter(m -> words.isEmpty() || String.valueOf(m.id().value()).equals(words)
                        || m.text().toLowerCase(new Locale("sv")).contains(words)
                        || m.references().stream().anyMatch(r -> r.toLowerCase(new Locale("sv")).contains(words)))
                .toList();
        model.addAttribute("identity", catalogue.identity());
        model.addAttribute("measures", shown);
        model.addAttribute("total", catalogue.measures().size());
        model.addAttribute("phases", Phase.values());
        model.addAttribute("criteria", Criterion.values());
        model.addAttribute("phase", phase);
        model.addAttribute("criterion", criterion);
        model.addAttribute("q", q);
        return VIEW;
    }

    private static boolean has(Measure m, Criterion criterion) {
        return switch (criterion) {
            case CONFIDENTIALITY -> m.confidentiality() != null;
            case INTEGRITY -> m.integrity() != null;
            case AVAILABILITY -> m.availability() != null;
            case SECRECY -> m.secrecy();
            case PERSONAL_DATA -> m.personalData();
        };
    }
}
