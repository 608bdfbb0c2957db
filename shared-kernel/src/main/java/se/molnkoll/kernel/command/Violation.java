package se.molnkoll.kernel.command;

import se.molnkoll.kernel.MeasurePhase;

import java.util.List;

/**
 * One reason a command was refused.
 *
 * @param rule     a stable code clients can translate (e.g. {@code ACQUIRE_MEASURES_OPEN})
 * @param message  the reason in plain English
 * @param measures the (measure, phase) pairs the reason is about, if any
 */
public record Violation(String rule, String message, List<MeasurePhase> measures) {

    public Violation {
        measures = List.copyOf(measures);
    }

    public static Violation of(String rule, String message) {
        return new Violation(rule, message, List.of());
    }
}
