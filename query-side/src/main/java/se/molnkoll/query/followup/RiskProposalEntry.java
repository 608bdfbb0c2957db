package se.molnkoll.query.followup;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.query.RiskProposalView;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.time.LocalDate;

/** One version of a residual-risk proposal: pending, then approved or rejected. */
@Entity
@Table(name = "risk_proposal")
public class RiskProposalEntry extends VersionedRow {

    private String proposalId;
    private String serviceId;
    private int measureId;
    @Enumerated(EnumType.STRING)
    private Phase phase;
    private String residualRisk;
    private String motivation;
    private LocalDate validUntil;
    private String proposedBy;
    private LocalDate proposedOn;
    @Enumerated(EnumType.STRING)
    private RiskProposalView.State state;
    private String decidedBy;
    private LocalDate decidedOn;
    private String decisionNote;
    private Instant recordedAt;

    protected RiskProposalEntry() {
    }

    RiskProposalEntry(String proposalId, String serviceId, MeasureId measureId, Phase phase, String residualRisk,
                      String motivation, LocalDate validUntil, String proposedBy, LocalDate proposedOn, Instant recordedAt) {
        super(recordedAt);
        this.proposalId = proposalId;
        this.serviceId = serviceId;
        this.measureId = measureId.value();
        this.phase = phase;
        this.residualRisk = residualRisk;
        this.motivation = motivation;
        this.validUntil = validUntil;
        this.proposedBy = proposedBy;
        this.proposedOn = proposedOn;
        this.state = RiskProposalView.State.PENDING;
        this.recordedAt = recordedAt;
    }

    private RiskProposalEntry(RiskProposalEntry previous, Instant at) {
        super(previous, at);
        proposalId = previous.proposalId;
        serviceId = previous.serviceId;
        measureId = previous.measureId;
        phase = previous.phase;
        residualRisk = previous.residualRisk;
        motivation = previous.motivation;
        validUntil = previous.validUntil;
        proposedBy = previous.proposedBy;
        proposedOn = previous.proposedOn;
        state = previous.state;
        recordedAt = previous.recordedAt;
    }

    /** The next version from {@code at}, decided; this one is closed. */
    RiskProposalEntry decidedAt(Instant at, RiskProposalView.State decision, String by, LocalDate on, String note) {
        RiskProposalEntry next = new RiskProposalEntry(this, at);
        next.state = decision;
        next.decidedBy = by;
        next.decidedOn = on;
        next.decisionNote = note;
        return next;
    }

    RiskProposalView view(String serviceName, String organisationUnit) {
        return new RiskProposalView(CloudServiceId.of(serviceId), serviceName, organisationUnit, proposalId,
                new MeasureId(measureId), phase, residualRisk, motivation, validUntil, proposedBy, proposedOn, state,
                decidedBy, decidedOn, decisionNote, recordedAt);
    }

    String serviceId() { return serviceId; }
    String proposalId() { return proposalId; }
}
