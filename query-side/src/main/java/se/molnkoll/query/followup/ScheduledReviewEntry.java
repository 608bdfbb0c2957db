package se.molnkoll.query.followup;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.query.ReviewView;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.time.LocalDate;

/** One version of a recurring review: when it is due, whether it is past due, and the last review. */
@Entity
@Table(name = "scheduled_review")
public class ScheduledReviewEntry extends VersionedRow {

    private String serviceId;
    private int measureId;
    @Enumerated(EnumType.STRING)
    private Phase phase;
    private LocalDate dueOn;
    private LocalDate pastDueFrom;
    private LocalDate lastReviewedOn;
    private String lastOutcome;
    private String lastNote;
    private String lastReference;
    private String lastReviewer;

    protected ScheduledReviewEntry() {
    }

    ScheduledReviewEntry(String serviceId, MeasureId measureId, Phase phase, LocalDate dueOn, Instant at) {
        super(at);
        this.serviceId = serviceId;
        this.measureId = measureId.value();
        this.phase = phase;
        this.dueOn = dueOn;
    }

    private ScheduledReviewEntry(ScheduledReviewEntry previous, Instant at) {
        super(previous, at);
        serviceId = previous.serviceId;
        measureId = previous.measureId;
        phase = previous.phase;
        dueOn = previous.dueOn;
        pastDueFrom = previous.pastDueFrom;
        lastReviewedOn = previous.lastReviewedOn;
        lastOutcome = previous.lastOutcome;
        lastNote = previous.lastNote;
        lastReference = previous.lastReference;
        lastReviewer = previous.lastReviewer;
    }

    ScheduledReviewEntry pastDueAt(Instant at, LocalDate from) {
        ScheduledReviewEntry next = new ScheduledReviewEntry(this, at);
        next.pastDueFrom = from;
        return next;
    }

    ScheduledReviewEntry reviewedAt(Instant at, LocalDate on, String outcome, String note, String reference, String reviewer,
                                    LocalDate nextDue) {
        ScheduledReviewEntry next = new ScheduledReviewEntry(this, at);
        next.pastDueFrom = null;
        next.dueOn = nextDue;
        next.lastReviewedOn = on;
        next.lastOutcome = outcome;
        next.lastNote = note;
        next.lastReference = reference;
        next.lastReviewer = reviewer;
        return next;
    }

    ReviewView view(String serviceName, String organisationUnit) {
        return new ReviewView(CloudServiceId.of(serviceId), serviceName, organisationUnit, new MeasureId(measureId), phase,
                dueOn, pastDueFrom, lastReviewedOn, lastOutcome, lastNote, lastReference, lastReviewer);
    }
}
