package se.molnkoll.query.measures;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.molnkoll.query.persistence.ProjectionRow;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.compliance.Validity;

import java.time.LocalDate;

/**
 * One (measure, phase) that a piece of evidence covers. {@code counts} turns false when the evidence
 * is withdrawn or the measure is re-opened; the row stays so the evidence still shows what it covered.
 */
@Entity
@Table(name = "evidence_coverage")
public class CoverageEntry extends ProjectionRow<String> {

    /** evidence id, measure and phase joined: one row per pair an evidence covers. */
    @Id
    private String id;
    private String evidenceId;
    private String serviceId;
    private int measureId;
    @Enumerated(EnumType.STRING)
    private Phase phase;
    private LocalDate validFrom;
    private LocalDate validUntil;
    /** The first day the evidence no longer covers (valid until + 1); null when it does not lapse. */
    private LocalDate expiresOn;
    private boolean counts;

    protected CoverageEntry() {
    }

    CoverageEntry(String evidenceId, String serviceId, MeasurePhase pair, LocalDate validFrom, LocalDate validUntil) {
        this.id = evidenceId + "/" + pair.measureId().value() + "/" + pair.phase();
        this.evidenceId = evidenceId;
        this.serviceId = serviceId;
        this.measureId = pair.measureId().value();
        this.phase = pair.phase();
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.expiresOn = validUntil == null ? null : validUntil.plusDays(1);
        this.counts = true;
    }

    void setAside() {
        counts = false;
    }

    public String evidenceId() { return evidenceId; }
    public MeasurePhase pair() { return MeasurePhase.of(measureId, phase); }
    public Validity validity() { return new Validity(validFrom, validUntil); }
    public boolean counts() { return counts; }

    @Override
    public String getId() {
        return id;
    }
}
