package se.molnkoll.query.measures;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;

/** A (measure, phase) the service's classification made mandatory, for as long as it did. */
@Entity
@Table(name = "applicable_measure")
public class ApplicableMeasure extends VersionedRow {

    private String serviceId;
    private int measureId;
    @Enumerated(EnumType.STRING)
    private Phase phase;

    protected ApplicableMeasure() {
    }

    ApplicableMeasure(String serviceId, MeasurePhase pair, Instant from) {
        super(from);
        this.serviceId = serviceId;
        this.measureId = pair.measureId().value();
        this.phase = pair.phase();
        share();
    }

    private ApplicableMeasure(long rowId, Instant from, String serviceId, int measureId, Phase phase) {
        super(rowId, from);
        this.serviceId = serviceId;
        this.measureId = measureId;
        this.phase = phase;
    }

    /** The stored current version, as {@link CompactRows} held it. */
    static ApplicableMeasure held(long rowId, Instant from, String serviceId, int measureId, Phase phase) {
        return new ApplicableMeasure(rowId, from, serviceId, measureId, phase);
    }

    /** The projection holds many of these in memory: the service id as one instance. */
    @PostLoad
    private void share() {
        serviceId = Shared.id(serviceId);
    }

    public MeasurePhase pair() {
        return MeasurePhase.of(measureId, phase);
    }

    int measureId() {
        return measureId;
    }

    Phase phase() {
        return phase;
    }
}
