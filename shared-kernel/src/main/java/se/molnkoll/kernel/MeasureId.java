package se.molnkoll.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The number of a security measure in table 4.5 of the routine (1–42 in version 3.0). */
public record MeasureId(@JsonValue int value) implements Comparable<MeasureId> {

    /** Measure 24: the information classification itself. It must be done, never risk-accepted. */
    public static final MeasureId CLASSIFICATION = new MeasureId(24);
    /** Measure 42: the risk analysis. It must be done, never risk-accepted. */
    public static final MeasureId RISK_ANALYSIS = new MeasureId(42);

    public MeasureId {
        if (value < 1) {
            throw new IllegalArgumentException("A measure id is a positive number, not " + value);
        }
    }

    @JsonCreator
    public static MeasureId of(int value) {
        return new MeasureId(value);
    }

    @Override
    public int compareTo(MeasureId other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
