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

/** The days a (measure, phase)'s recurring review was past due: from {@code fromDay}, through {@code untilDay} once reviewed. */
@Entity
@Table(name = "review_due")
public class ReviewDueEntry extends VersionedRow {

    private String serviceId;
    private int measureId;
    @Enumerated(EnumType.STRING)
    private Phase phase;
    private LocalDate fromDay;
    private LocalDate untilDay;

    protected ReviewDueEntry() {
    }

    ReviewDueEntry(String serviceId, MeasurePhase pair, LocalDate fromDay, Instant at) {
        super(at);
        this.serviceId = serviceId;
        this.measureId = pair.measureId().value();
        this.phase = pair.phase();
        this.fromDay = fromDay;
    }

    private ReviewDueEntry(ReviewDueEntry previous, Instant at) {
        super(previous, at);
        serviceId = previous.serviceId;
        measureId = previous.measureId;
        phase = previous.phase;
        fromDay = previous.fromDay;
        untilDay = previous.untilDay;
    }

    /** The next version from {@code at}: reviewed on the day, so past due no longer from it. */
    ReviewDueEntry reviewedAt(Instant at, LocalDate on) {
        ReviewDueEntry next = new ReviewDueEntry(this, at);
        next.untilDay = on.minusDays(1);
        return next;
    }

    public MeasurePhase pair() { return MeasurePhase.of(measureId, phase); }
    public Validity validity() { return new Validity(fromDay, untilDay); }
    boolean isOpen() { return untilDay == null; }
}
