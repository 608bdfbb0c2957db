package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A residual-risk acceptance proposed for the risk owner, as recorded: {@code PENDING} until a risk owner
 * other than the proposer approves or rejects it ({@code decidedBy}, {@code decidedOn}, and the note or
 * reason in {@code decisionNote}).
 */
public record RiskProposalView(
        CloudServiceId serviceId,
        String serviceName,
        String organisationUnit,
        String proposalId,
        MeasureId measureId,
        Phase phase,
        String residualRisk,
        String motivation,
        LocalDate validUntil,
        String proposedBy,
        LocalDate proposedOn,
        State state,
        @Nullable String decidedBy,
        @Nullable LocalDate decidedOn,
        @Nullable String decisionNote,
        Instant recordedAt) {

    public enum State { PENDING, APPROVED, REJECTED }
}
