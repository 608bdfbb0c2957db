package se.molnkoll.query.measures;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;

import java.io.Serializable;
import java.util.Objects;

/** (service, measure, phase): the key of an applicable measure. */
@Embeddable
public class MeasureKey implements Serializable {

    private String serviceId;
    private int measureId;
    @Enumerated(EnumType.STRING)
    private Phase phase;

    protected MeasureKey() {
    }

    MeasureKey(String serviceId, MeasurePhase pair) {
        this.serviceId = serviceId;
        this.measureId = pair.measureId().value();
        this.phase = pair.phase();
    }

    public MeasurePhase pair() {
        return MeasurePhase.of(measureId, phase);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeasureKey k && measureId == k.measureId && phase == k.phase
                && Objects.equals(serviceId, k.serviceId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serviceId, measureId, phase);
    }
}
