package se.molnkoll.query.measures;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import se.molnkoll.query.persistence.ProjectionRow;
import se.molnkoll.kernel.MeasurePhase;

/** A (measure, phase) the service's current classification makes mandatory. */
@Entity
@Table(name = "applicable_measure")
public class ApplicableMeasure extends ProjectionRow<MeasureKey> {

    @EmbeddedId
    private MeasureKey key;

    protected ApplicableMeasure() {
    }

    ApplicableMeasure(String serviceId, MeasurePhase pair) {
        this.key = new MeasureKey(serviceId, pair);
    }

    public MeasurePhase pair() {
        return key.pair();
    }

    @Override
    public MeasureKey getId() {
        return key;
    }
}
