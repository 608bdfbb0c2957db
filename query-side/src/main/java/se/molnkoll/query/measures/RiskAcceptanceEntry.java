package se.molnkoll.query.measures;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.molnkoll.query.persistence.ProjectionRow;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.compliance.Validity;

import java.time.Instant;
import java.time.LocalDate;

/** A residual-risk acceptance. {@code counts} turns false when the measure is re-opened. */
@Entity
@Table(name = "risk_acceptance")
public class RiskAcceptanceEntry extends ProjectionRow<String> {

    /** The identifier of the event that recorded it. */
    @Id
    private String id;
    private String serviceId;
    private int measureId;
    @Enumerated(EnumType.STRING)
    private Phase phase;
    private String riskOwner;
    @Column(length = 4000)
    private String motivation;
    private LocalDate validUntil;
    private boolean counts;
    private Instant recordedAt;
    private String recordedBy;

    protected RiskAcceptanceEntry() {
    }

    RiskAcceptanceEntry(String id, String serviceId, MeasurePhase pair, String riskOwner, String motivation,
                        LocalDate validUntil, Instant recordedAt, String recordedBy) {
        this.id = id;
        this.serviceId = serviceId;
        this.measureId = pair.measureId().value();
        this.phase = pair.phase();
        this.riskOwner = riskOwner;
        this.motivation = motivation;
        this.validUntil = validUntil;
        this.counts = true;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    void setAside() {
        counts = false;
    }

    public MeasurePhase pair() { return MeasurePhase.of(measureId, phase); }
    public Validity validity() { return Validity.until(validUntil); }
    public boolean counts() { return counts; }
    public String riskOwner() { return riskOwner; }
    public String motivation() { return motivation; }
    public LocalDate validUntil() { return validUntil; }
    public Instant recordedAt() { return recordedAt; }
    public String recordedBy() { return recordedBy; }

    @Override
    public String getId() {
        return id;
    }
}
