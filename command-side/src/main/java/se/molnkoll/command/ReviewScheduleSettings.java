package se.molnkoll.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.catalogue.Measure;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.catalogue.ReviewSchedule;
import se.molnkoll.kernel.command.ChangeReviewSchedule;
import se.molnkoll.kernel.command.RuleViolationException;
import se.molnkoll.kernel.command.Violation;
import se.molnkoll.kernel.event.ReviewScheduleChanged;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The review schedule as administrators have changed it: the one shipped beside the catalogue, with each
 * change an event. One aggregate ({@link ReviewScheduleChanged#SCHEDULE_ID}), made by its first change.
 */
@Aggregate
public class ReviewScheduleSettings {

    @AggregateIdentifier
    private String id;
    /** The changes made, latest per measure and phase: an interval, or empty when it no longer recurs. */
    private final Map<MeasurePhase, Optional<Integer>> changed = new HashMap<>();

    protected ReviewScheduleSettings() {
        // for Axon: the state is rebuilt from events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeReviewSchedule command, MeasureCatalogue catalogue, ReviewSchedule shipped) {
        if (!ReviewScheduleChanged.SCHEDULE_ID.equals(command.settingsId())) {
            throw new RuleViolationException(Violation.of("UNKNOWN_SETTINGS", "There are no settings " + command.settingsId()));
        }
        MeasurePhase pair = new MeasurePhase(command.measureId(), command.phase());
        List<Violation> violations = new ArrayList<>();
        if (command.reason() == null || command.reason().isBlank()) {
            violations.add(Violation.of("REASON_REQUIRED", "A change of the review schedule needs a reason, for the history"));
        }
        Optional<Measure> measure = catalogue.measure(command.measureId());
        if (measure.isEmpty()) {
            violations.add(Violation.of("UNKNOWN_MEASURE", "Measure " + command.measureId() + " is not in the catalogue"));
        } else if (!measure.get().belongsTo(command.phase())) {
            violations.add(new Violation("MEASURE_NOT_IN_PHASES", "Measure " + command.measureId() + " does not belong to phase "
                    + command.phase() + " (it belongs to " + measure.get().phasesInOrder() + ")", measure.get().measurePhases()));
        }
        Integer interval = command.intervalMonths();
        if (interval != null && (interval < 1 || interval > ReviewSchedule.MAX_INTERVAL_MONTHS)) {
            violations.add(Violation.of("INTERVAL_OUT_OF_RANGE", "A review recurs every 1–" + ReviewSchedule.MAX_INTERVAL_MONTHS
                    + " months, not " + interval));
        }
        Integer before = current(pair, shipped);
        if (violations.isEmpty() && Objects.equals(before, interval)) {
            violations.add(Violation.of("NOTHING_TO_CHANGE", "Measure " + command.measureId() + " in phase " + command.phase()
                    + (before == null ? " does not recur already" : " is reviewed every " + before + " months already")));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        apply(new ReviewScheduleChanged(ReviewScheduleChanged.SCHEDULE_ID, command.measureId(), command.phase(), before, interval,
                command.reason().strip()));
    }

    @EventSourcingHandler
    void on(ReviewScheduleChanged event) {
        id = event.settingsId();
        changed.put(new MeasurePhase(event.measureId(), event.phase()), Optional.ofNullable(event.intervalMonths()));
    }

    private Integer current(MeasurePhase pair, ReviewSchedule shipped) {
        Optional<Integer> change = changed.get(pair);
        if (change != null) {
            return change.orElse(null);
        }
        return shipped.entry(pair).map(ReviewSchedule.Entry::intervalMonths).orElse(null);
    }
}
