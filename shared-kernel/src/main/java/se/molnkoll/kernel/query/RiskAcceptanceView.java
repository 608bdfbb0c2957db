package se.molnkoll.kernel.query;

import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.time.Instant;
import java.time.LocalDate;

/** A residual-risk acceptance as recorded. {@code inForce} is judged for today. */
public record RiskAcceptanceView(
        MeasureId measureId,
        Phase phase,
        String riskOwner,
        String motivation,
        LocalDate validUntil,
        boolean inForce,
        Instant recordedAt,
        String recordedBy) {

    public RiskAcceptanceView withoutActor() {
        return new RiskAcceptanceView(measureId, phase, riskOwner, motivation, validUntil, inForce, recordedAt, null);
    }
}
