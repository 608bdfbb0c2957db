package se.molnkoll.kernel;

import java.util.Comparator;
import java.util.Objects;

/** One measure in one phase: the unit that evidence covers and that has a status. */
public record MeasurePhase(MeasureId measureId, Phase phase) implements Comparable<MeasurePhase> {

    private static final Comparator<MeasurePhase> ORDER =
            Comparator.comparing(MeasurePhase::measureId).thenComparing(MeasurePhase::phase);

    public MeasurePhase {
        Objects.requireNonNull(measureId, "measureId");
        Objects.requireNonNull(phase, "phase");
    }

    public static MeasurePhase of(int measureId, Phase phase) {
        return new MeasurePhase(new MeasureId(measureId), phase);
    }

    @Override
    public int compareTo(MeasurePhase other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return measureId + "/" + phase;
    }
}
