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

/**
 * One (measure, phase) that a piece of evidence covers, with the days it counts. {@code counts}
 * turns false in a later version when the evidence is withdrawn or the measure re-opened.
 */
@Entity
@Table(name = "evidence_coverage")
public class CoverageEntry extends VersionedRow {

    private String evidenceId;
    private String serviceId;
    private int measureId;
    @Enumerated(EnumType.STRING)
    private Phase phase;
    /** The first day it counts: the evidence's valid-from date, or the day it was received. */
    private LocalDate validFrom;
    private LocalDate validUntil;
    /** The first day it no longer counts (valid until + 1); null when it does not lapse. */
    private LocalDate expiresOn;
    private boolean counts;

    protected CoverageEntry() {
    }

    CoverageEntry(String evidenceId, String serviceId, MeasurePhase pair, Validity validity, Instant from) {
        super(from);
        this.evidenceId = evidenceId;
        this.serviceId = serviceId;
        this.measureId = pair.measureId().value();
        this.phase = pair.phase();
        this.validFrom = validity.from();
        this.validUntil = validity.until();
        this.expiresOn = validity.until() == null ? null : validity.until().plusDays(1);
        this.counts = true;
    }

    private CoverageEntry(CoverageEntry previous, Instant at) {
        super(previous, at);
        evidenceId = previous.evidenceId;
        serviceId = previous.serviceId;
        measureId = previous.measureId;
        phase = previous.phase;
        validFrom = previous.validFrom;
        validUntil = previous.validUntil;
        expiresOn = previous.expiresOn;
        counts = previous.counts;
    }

    /** The next version from {@code at}, in which it no longer counts; this one is closed. */
    CoverageEntry setAsideAt(Instant at) {
        CoverageEntry next = new CoverageEntry(this, at);
        next.counts = false;
        return next;
    }

    public String evidenceId() { return evidenceId; }
    public MeasurePhase pair() { return MeasurePhase.of(measureId, phase); }
    public Validity validity() { return new Validity(validFrom, validUntil); }
    public boolean counts() { return counts; }
}
