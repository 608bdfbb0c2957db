package se.molnkoll.query.measures;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.compliance.Validity;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.time.LocalDate;

/** A residual-risk acceptance. {@code counts} turns false in a later version when the measure is re-opened. */
@Entity
@Table(name = "risk_acceptance")
public class RiskAcceptanceEntry extends VersionedRow {

    /** The identifier of the event that recorded it. */
    private String acceptanceId;
    private String serviceId;
    private int measureId;
    @Enumerated(EnumType.STRING)
    private Phase phase;
    private String riskOwner;
    private String motivation;
    private LocalDate acceptedOn;
    private LocalDate validUntil;
    /** The first day it no longer counts, once revoked; null while not. */
    private LocalDate revokedFrom;
    private String revocationReason;
    private boolean counts;
    private Instant recordedAt;
    private String recordedBy;
    /** The proposal the risk owner approved; null for acceptances recorded before the sign-off (not signed in Molnkoll). */
    private String proposalId;
    private String residualRisk;
    private String proposedBy;
    private String approvalNote;
    /** The day after its last day, once its end is recorded; null until then. */
    private LocalDate endedOn;

    protected RiskAcceptanceEntry() {
    }

    RiskAcceptanceEntry(String acceptanceId, String serviceId, MeasurePhase pair, String riskOwner, String motivation,
                        Validity validity, Instant recordedAt, String recordedBy) {
        super(recordedAt);
        this.acceptanceId = acceptanceId;
        this.serviceId = serviceId;
        this.measureId = pair.measureId().value();
        this.phase = pair.phase();
        this.riskOwner = riskOwner;
        this.motivation = motivation;
        this.acceptedOn = validity.from();
        this.validUntil = validity.until();
        this.counts = true;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    /** An acceptance the risk owner signed: {@code riskOwner} is the approver, counting from the approval day. */
    static RiskAcceptanceEntry approved(String acceptanceId, String serviceId, MeasurePhase pair, String proposalId,
                                        String residualRisk, String motivation, String proposedBy, String approvedBy,
                                        String note, Validity validity, Instant recordedAt, String recordedBy) {
        RiskAcceptanceEntry entry = new RiskAcceptanceEntry(acceptanceId, serviceId, pair, approvedBy, motivation, validity,
                recordedAt, recordedBy);
        entry.proposalId = proposalId;
        entry.residualRisk = residualRisk;
        entry.proposedBy = proposedBy;
        entry.approvalNote = note;
        return entry;
    }

    private RiskAcceptanceEntry(RiskAcceptanceEntry previous, Instant at) {
        super(previous, at);
        acceptanceId = previous.acceptanceId;
        serviceId = previous.serviceId;
        measureId = previous.measureId;
        phase = previous.phase;
        riskOwner = previous.riskOwner;
        motivation = previous.motivation;
        acceptedOn = previous.acceptedOn;
        validUntil = previous.validUntil;
        revokedFrom = previous.revokedFrom;
        revocationReason = previous.revocationReason;
        counts = previous.counts;
        recordedAt = previous.recordedAt;
        recordedBy = previous.recordedBy;
        proposalId = previous.proposalId;
        residualRisk = previous.residualRisk;
        proposedBy = previous.proposedBy;
        approvalNote = previous.approvalNote;
        endedOn = previous.endedOn;
    }

    /** The next version from {@code at}, whose end is recorded; this one is closed. */
    RiskAcceptanceEntry endedAt(Instant at, LocalDate on) {
        RiskAcceptanceEntry next = new RiskAcceptanceEntry(this, at);
        next.endedOn = on;
        return next;
    }

    /** The next version from {@code at}, in which it no longer counts; this one is closed. */
    RiskAcceptanceEntry setAsideAt(Instant at) {
        RiskAcceptanceEntry next = new RiskAcceptanceEntry(this, at);
        next.counts = false;
        return next;
    }

    /** The next version from {@code at}, revoked from the day on; this one is closed. */
    RiskAcceptanceEntry revokedAt(Instant at, LocalDate from, String reason) {
        RiskAcceptanceEntry next = new RiskAcceptanceEntry(this, at);
        next.revokedFrom = from;
        next.revocationReason = reason;
        return next;
    }

    public String serviceId() { return serviceId; }
    public MeasurePhase pair() { return MeasurePhase.of(measureId, phase); }
    /** The days it counts: as accepted, ending the day before a revocation. */
    public Validity validity() {
        Validity accepted = new Validity(acceptedOn, validUntil);
        return revokedFrom == null ? accepted : accepted.endingBefore(revokedFrom);
    }
    public LocalDate revokedFrom() { return revokedFrom; }
    public String revocationReason() { return revocationReason; }
    public boolean counts() { return counts; }
    public String riskOwner() { return riskOwner; }
    public String motivation() { return motivation; }
    public LocalDate acceptedOn() { return acceptedOn; }
    public LocalDate validUntil() { return validUntil; }
    public Instant recordedAt() { return recordedAt; }
    public String recordedBy() { return recordedBy; }
    public String proposalId() { return proposalId; }
    public String residualRisk() { return residualRisk; }
    public String proposedBy() { return proposedBy; }
    public String approvalNote() { return approvalNote; }
    public LocalDate endedOn() { return endedOn; }
}
