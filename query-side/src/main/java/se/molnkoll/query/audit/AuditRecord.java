package se.molnkoll.query.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.query.AuditEntry;
import se.molnkoll.query.persistence.ProjectionRow;

import java.time.Instant;

/** One event in the audit trail. */
@Entity
@Table(name = "audit_entry")
public class AuditRecord extends ProjectionRow<String> {

    @Id
    private String eventId;
    /** The event's position in the event store: the trail's order. */
    private long globalIndex;
    private Instant recordedAt;
    private String actor;
    private String serviceId;
    private long sequenceNumber;
    private String eventType;
    @Column(length = 4000)
    private String summary;
    private String correlationId;
    /** The event as JSON; an unbounded varchar, not a large object. */
    private String payload;
    /** The spreadsheet an import read the event from, and its row; null for an event no import caused. */
    private String importSha256;
    private Integer importRow;

    protected AuditRecord() {
    }

    AuditRecord(String eventId, long globalIndex, Instant recordedAt, String actor, String serviceId,
                long sequenceNumber, String eventType, String summary, String correlationId, String payload, String importSha256, Integer importRow) {
        this.eventId = eventId;
        this.globalIndex = globalIndex;
        this.recordedAt = recordedAt;
        this.actor = actor;
        this.serviceId = serviceId;
        this.sequenceNumber = sequenceNumber;
        this.eventType = eventType;
        this.summary = summary;
        this.correlationId = correlationId;
        this.payload = payload;
        this.importSha256 = importSha256;
        this.importRow = importRow;
    }

    AuditEntry toView() {
        return new AuditEntry(recordedAt, actor, CloudServiceId.of(serviceId), eventType, summary, eventId,
                globalIndex, sequenceNumber, correlationId, payload, importSha256, importRow);
    }

    @Override
    public String getId() {
        return eventId;
    }
}
