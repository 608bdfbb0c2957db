package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;

import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A residual-risk acceptance as recorded: in force from {@code acceptedOn} (null for acceptances
 * recorded before that date was kept: from the start) through {@code validUntil} (null: no end).
 * {@code inForce} is judged for the view's status date. A revoked acceptance counts no longer from
 * {@code revokedFrom} on, for the reason given.
 */
public record RiskAcceptanceView(
        MeasureId measureId,
        Phase phase,
        String riskOwner,
        String motivation,
        LocalDate acceptedOn,
        @Nullable LocalDate validUntil,
        boolean inForce,
        @Nullable LocalDate revokedFrom,
        @Nullable String revocationReason,
        Instant recordedAt,
        @Nullable String recordedBy) {

    public RiskAcceptanceView withoutActor() {
        return new RiskAcceptanceView(measureId, phase, riskOwner, motivation, acceptedOn, validUntil, inForce, revokedFrom,
                revocationReason, recordedAt, null);
    }
}
