package se.molnkoll.pages.services;

import se.molnkoll.kernel.catalogue.Measure;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasureStatus;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.MeasureStatusView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measures the evidence form offers: only those the classification makes applicable, each once,
 * with its status in each of its phases, grouped by the phase where its work is next. That is the
 * first of its phases from the service's current phase on (a measure of acquisition and operation is
 * operation's work once the service runs), or its last phase if all of them have passed. The current
 * phase's group comes first, then the later phases, then the earlier ones.
 */
final class MeasureChoices {

    private MeasureChoices() {
    }

    static List<Group> of(CloudServiceView view, MeasureCatalogue catalogue) {
        Map<MeasureId, Map<Phase, MeasureStatus>> statuses = new TreeMap<>();
        for (MeasureStatusView m : view.measures()) {
            statuses.computeIfAbsent(m.measureId(), id -> new EnumMap<>(Phase.class)).put(m.phase(), m.status());
        }
        Phase now = view.phase();
        Map<Phase, List<Choice>> groups = new LinkedHashMap<>();
        phasesFrom(now).forEach(phase -> groups.put(phase, new ArrayList<>()));
        statuses.forEach((id, byPhase) -> {
            Measure measure = catalogue.measure(id).orElseThrow();
            Phase home = byPhase.keySet().stream().filter(p -> p.compareTo(now) >= 0).findFirst()
                    .orElse(byPhase.keySet().stream().max(Comparator.naturalOrder()).orElseThrow());
            groups.get(home).add(new Choice(measure, byPhase));
        });
        return groups.entrySet().stream().filter(g -> !g.getValue().isEmpty())
                .map(g -> new Group(g.getKey(), g.getKey() == now, g.getValue())).toList();
    }

    /** The current phase, the later ones, then the earlier ones. */
    private static List<Phase> phasesFrom(Phase now) {
        List<Phase> order = new ArrayList<>();
        for (Phase p : Phase.values()) if (p.compareTo(now) >= 0) order.add(p);
        for (Phase p : Phase.values()) if (p.compareTo(now) < 0) order.add(p);
        return order;
    }

    record Group(Phase phase, boolean current, List<Choice> measures) {
    }

    /** One measure on offer, with its status in each phase it belongs to. */
    record Choice(Measure measure, Map<Phase, MeasureStatus> statuses) {

        public int id() {
            return measure.id().value();
        }

        /** The first line of its text, short enough for a label; the whole text is on the service page. */
        public String summary() {
            return FormSending.summary(measure);
        }

        /** What the form's search matches against: its number and whole text, in lower case. */
        public String searchText() {
            return (id() + " " + measure.text()).toLowerCase(Locale.ROOT);
        }

        /** Whether it needs work in some phase (open or expired there). */
        public boolean open() {
            return statuses.values().stream().anyMatch(MeasureStatus::isOpen);
        }
    }
}
