package se.molnkoll.kernel.command;

import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.catalogue.Measure;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a piece of evidence must meet, given the service's classification: decided by the
 * aggregate when evidence is recorded, and asked beforehand by an import's preview, so that both say
 * the same.
 */
public final class EvidenceRules {

    private EvidenceRules() {
    }

    /** Every rule the evidence breaks (none: it may be recorded), and the measure-phase pairs it would cover. */
    public record Decision(List<Violation> violations, List<MeasurePhase> covers) {
    }

    /**
     * @param classification the service's, null while it is not classified
     * @param idTaken        whether the service already has evidence with the command's id
     */
    public static Decision decide(RecordEvidence command, @Nullable Classification classification, boolean idTaken,
                                  MeasureCatalogue catalogue) {
        List<Violation> violations = new ArrayList<>();
        if (classification == null) {
            violations.add(Violation.of("NOT_CLASSIFIED", "The service must be classified (measure 24) before evidence is recorded"));
        }
        if (idTaken) {
            violations.add(Violation.of("EVIDENCE_ID_TAKEN", "Evidence " + command.evidenceId() + " is already recorded"));
        }
        if (command.measureIds().isEmpty()) {
            violations.add(Violation.of("NO_MEASURES", "Evidence must name at least one measure"));
        }
        if (command.phases().isEmpty()) {
            violations.add(Violation.of("NO_PHASES", "Evidence must name at least one phase"));
        }
        if (command.validFrom() != null && command.validUntil() != null
                && command.validUntil().isBefore(command.validFrom())) {
            violations.add(Violation.of("VALIDITY_REVERSED",
                    "Valid until " + command.validUntil() + " is before valid from " + command.validFrom()));
        } else if (command.validFrom() == null && command.validUntil() != null
                && command.validUntil().isBefore(command.receivedOn())) {
            violations.add(Violation.of("LAPSED_BEFORE_RECEIVED", "Valid until " + command.validUntil()
                    + " is before it was received on " + command.receivedOn() + ": without validFrom it counts from"
                    + " receipt, so it would never count; give validFrom if it was valid earlier"));
        }
        List<MeasurePhase> covers = new ArrayList<>();
        for (MeasureId measureId : command.measureIds().stream().sorted().toList()) {
            Optional<Measure> measure = applicableMeasure(catalogue, measureId, classification, violations);
            if (measure.isEmpty()) {
                continue;
            }
            List<MeasurePhase> pairs = measure.get().measurePhases().stream()
                    .filter(pair -> command.phases().contains(pair.phase())).toList();
            if (pairs.isEmpty() && !command.phases().isEmpty()) {
                violations.add(new Violation("MEASURE_NOT_IN_PHASES", "Measure " + measureId
                        + " belongs to none of the phases " + sorted(command.phases())
                        + " (it belongs to " + measure.get().phasesInOrder() + ")", measure.get().measurePhases()));
            }
            covers.addAll(pairs);
        }
        return new Decision(List.copyOf(violations), List.copyOf(covers));
    }

    /** The measure, if the routine has one with that id; notes why not, or why it does not apply to the classification. */
    public static Optional<Measure> applicableMeasure(MeasureCatalogue catalogue, MeasureId measureId,
                                                      @Nullable Classification classification, List<Violation> violations) {
        Optional<Measure> measure = catalogue.measure(measureId);
        if (measure.isEmpty()) {
            violations.add(Violation.of("MEASURE_UNKNOWN", "Measure " + measureId + " is not in the routine"));
        } else if (classification != null && !measure.get().appliesTo(classification)) {
            violations.add(new Violation("MEASURE_NOT_APPLICABLE",
                    "Measure " + measureId + " does not apply to this service's classification", measure.get().measurePhases()));
        }
        return measure;
    }

    private static List<Phase> sorted(Set<Phase> phases) {
        return phases.stream().sorted().toList();
    }
}
