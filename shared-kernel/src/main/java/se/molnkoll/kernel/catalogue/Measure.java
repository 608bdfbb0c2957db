package se.molnkoll.kernel.catalogue;

import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One row of the routine's table 4.5.
 *
 * <p>{@code confidentiality}, {@code integrity} and {@code availability} hold the lowest class at
 * which the measure applies; {@code null} means the table's cell is empty ("not a criterion"),
 * which is different from 0 ("applies at every class"). {@code secrecy} and {@code personalData}
 * are the table's S and P marks.
 *
 * @param text the routine's Swedish text; one paragraph per line, list items on lines that start
 *             with "• "
 */
public record Measure(
        MeasureId id,
        Integer confidentiality,
        Integer integrity,
        Integer availability,
        boolean secrecy,
        boolean personalData,
        Set<Phase> phases,
        String text,
        List<String> references) {

    public Measure {
        Objects.requireNonNull(id, "id");
        phases = phases == null || phases.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(phases));
        references = List.copyOf(Objects.requireNonNullElse(references, List.of()));
    }

    /**
     * The routine's rule: the measure is mandatory when at least one of its criteria is met.
     */
    public boolean appliesTo(Classification classification) {
        return meets(confidentiality, classification.confidentiality())
                || meets(integrity, classification.integrity())
                || meets(availability, classification.availability())
                || (secrecy && classification.secrecy())
                || (personalData && classification.personalData());
    }

    public boolean belongsTo(Phase phase) {
        return phases.contains(phase);
    }

    /** The phases in the routine's column order (ANS, FÖR, LÄMNA). */
    public List<Phase> phasesInOrder() {
        return phases.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(phases));
    }

    public List<MeasurePhase> measurePhases() {
        return phasesInOrder().stream().map(phase -> new MeasurePhase(id, phase)).toList();
    }

    public boolean hasCriterion() {
        return confidentiality != null || integrity != null || availability != null || secrecy || personalData;
    }

    /** Measures 24 and 42 must be done; their risk cannot be accepted instead. */
    public boolean canBeRiskAccepted() {
        return !id.equals(MeasureId.CLASSIFICATION) && !id.equals(MeasureId.RISK_ANALYSIS);
    }

    private static boolean meets(Integer lowestClass, int actualClass) {
        return lowestClass != null && actualClass >= lowestClass;
    }
}
