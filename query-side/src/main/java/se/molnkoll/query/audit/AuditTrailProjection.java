package se.molnkoll.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.event.CloudServiceEvent;
import se.molnkoll.kernel.event.EventMetaData;
import se.molnkoll.kernel.query.ReadModels;

/** Writes every event of every service into the audit trail. */
@Component
@ProcessingGroup(AuditTrailProjection.PROCESSING_GROUP)
public class AuditTrailProjection {

    public static final String PROCESSING_GROUP = ReadModels.AUDIT_TRAIL;

    private final AuditRecords records;
    private final ObjectMapper json;
    private final EventPositions positions;

    public AuditTrailProjection(AuditRecords records, ObjectMapper json, EventPositions positions) {
        this.records = records;
        this.json = json;
        this.positions = positions;
    }

    @EventHandler
    void on(CloudServiceEvent event, DomainEventMessage<?> message, TrackingToken token) throws JsonProcessingException {
        long globalIndex = positions.of(message, token);
        records.save(new AuditRecord(message.getIdentifier(), globalIndex, message.getTimestamp(),
                (String) message.getMetaData().getOrDefault(EventMetaData.ACTOR, "unknown"), event.cloudServiceId().value(),
                message.getSequenceNumber(), event.getClass().getSimpleName(), AuditSummaries.of(event),
                (String) message.getMetaData().get(EventMetaData.CORRELATION_ID), json.writeValueAsString(event)));
    }

    @ResetHandler
    void reset() {
        records.deleteAllInBatch();
    }
}
