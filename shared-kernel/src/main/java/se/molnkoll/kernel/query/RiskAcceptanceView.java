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
 *
 * <p>An acceptance the risk owner signed in Molnkoll has its {@code proposalId}, the {@code residualRisk}
 * proposed, who proposed it and the approver as {@code riskOwner}; its {@code endedOn} is the day after its
 * last day once the end is recorded. Acceptances recorded before the sign-off existed have no proposal:
 * {@code signedOff} is false and {@code riskOwner} is the name that was typed.
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
        @Nullable String recordedBy,
        boolean signedOff,
        @Nullable String proposalId,
        @Nullable String residualRisk,
        @Nullable String proposedBy,
        @Nullable String approvalNote,
        @Nullable LocalDate endedOn) {

    public RiskAcceptanceView withoutActor() {
        return new RiskAcceptanceView(measureId, phase, riskOwner, motivation, acceptedOn, validUntil, inForce, revokedFrom,
                revocationReason, recordedAt, null, signedOff, proposalId, residualRisk, proposedBy, approvalNote, endedOn);
    }
}
