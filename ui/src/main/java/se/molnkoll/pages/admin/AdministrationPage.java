package se.molnkoll.pages.admin;

import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.molnkoll.instance.InstanceRole;
import se.molnkoll.query.api.ReadModels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an administrator needs without the API: the health Spring Boot's health endpoint reports (the
 * same indicators, with their details), each read model's position and lag behind the event store,
 * what this instance does, and the rebuild of the read models with its progress.
 */
@Controller
class AdministrationPage {

    static final String VIEW = "admin/administration";
    /** The health indicator of the read models and the hash chain (query side), with lag per processor. */
    private static final String READ_MODELS = "readModels";

    private final HealthEndpoint health;
    private final ReadModels readModels;
    private final Environment environment;
    private final MessageSource messages;

    AdministrationPage(HealthEndpoint health, ReadModels readModels, Environment environment, MessageSource messages) {
        this.health = health;
        this.readModels = readModels;
        this.environment = environment;
        this.messages = messages;
    }

    @GetMapping("/admin")
    String page(Model model) {
        HealthComponent overall = health.health();
        Map<String, HealthComponent> components = overall instanceof CompositeHealth composite
                ? new TreeMap<>(composite.getComponents()) : Map.of();
        model.addAttribute("status", overall.getStatus().getCode());
        model.addAttribute("components", components.entrySet().stream()
                .map(c -> new Indicator(c.getKey(), c.getValue().getStatus().getCode())).toList());
        model.addAttribute("processors", processors(components.get(READ_MODELS)));
        model.addAttribute("maxLag", components.get(READ_MODELS) instanceof Health h ? h.getDetails().get("maxLagEvents") : null);
        model.addAttribute("instanceRoles", InstanceRole.parse(environment.getProperty(InstanceRole.PROPERTY)));
        model.addAttribute("storedEvents", readModels.storedEvents());
        model.addAttribute("rebuild", readModels.rebuildStatus());
        return VIEW;
    }

    /** The rebuild's progress alone, which the page asks for every few seconds while a rebuild runs. */
    @GetMapping("/admin/rebuild")
    String progress(Model model) {
        model.addAttribute("rebuild", readModels.rebuildStatus());
        return VIEW + " :: rebuild";
    }

    @PostMapping("/admin/rebuild")
    String rebuild(Authentication who, RedirectAttributes redirect, Locale locale) {
        try {
            readModels.rebuild(who.getName());
            redirect.addFlashAttribute("success", List.of(messages.getMessage("admin.rebuildStartedFlash", null, locale)));
        } catch (ReadModels.RebuildRunningException running) {
            redirect.addFlashAttribute("refused", List.of(messages.getMessage("admin.rebuildRunning",
                    new Object[]{running.status().requestedBy()}, locale)));
        } catch (ReadModels.NotKeptHereException elsewhere) {
            redirect.addFlashAttribute("refused", List.of(messages.getMessage("admin.rebuildNotHere", null, locale)));
        }
        return "redirect:/admin#rebuild";
    }

    /** Each processor the read models' health reports: where it is in the event store and how far behind. */
    private static List<Processor> processors(HealthComponent readModelsHealth) {
        List<Processor> processors = new ArrayList<>();
        if (!(readModelsHealth instanceof Health health)) return processors;
        health.getDetails().forEach((name, value) -> {
            if (value instanceof Map<?, ?> detail) {
                processors.add(new Processor(name, number(detail.get("position")), number(detail.get("lagEvents")),
                        String.valueOf(detail.get("heldBy") == null ? "" : detail.get("heldBy")).replaceAll("[\\[\\]]", ""),
                        detail.get("runningHere") instanceof Boolean running ? running : null,
                        detail.get("error") == null ? null : String.valueOf(detail.get("error"))));
            }
        });
        return processors;
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    record Indicator(String name, String status) {
    }

    /**
     * @param position   the lowest position its segments have reached (null: never started)
     * @param lagEvents  events recorded after that position (counted up to a little past the limit)
     * @param runningHere whether this instance runs it (null: another instance keeps it)
     */
    record Processor(String name, Long position, Long lagEvents, String heldBy, Boolean runningHere, String error) {
    }
}
