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
}
