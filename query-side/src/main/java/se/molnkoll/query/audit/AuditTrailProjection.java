package se.molnkoll.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
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
    private final JdbcTemplate jdbc;

    public AuditTrailProjection(AuditRecords records, ObjectMapper json, JdbcTemplate jdbc) {
        this.records = records;
        this.json = json;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CloudServiceEvent event, DomainEventMessage<?> message) throws JsonProcessingException {
        // The event's own position in the store. Not the tracking token's: when concurrent appends commit
        // out of order, an event that filled a gap arrives with a token already past it.
        Long globalIndex = jdbc.queryForObject("select global_index from domain_event_entry where event_identifier = ?",
                Long.class, message.getIdentifier());
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
