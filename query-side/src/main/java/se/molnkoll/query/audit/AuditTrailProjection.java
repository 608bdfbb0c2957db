package se.molnkoll.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.event.CloudServiceEvent;
import se.molnkoll.kernel.event.SettingsEvent;
import se.molnkoll.kernel.event.VendorEvent;
import se.molnkoll.kernel.event.EventMetaData;
import se.molnkoll.query.api.ReadModels;
import se.molnkoll.query.persistence.PerBatch;
import se.molnkoll.query.persistence.NewRows;
import se.molnkoll.query.persistence.ReadModelTables;

import java.util.LinkedHashMap;
import java.util.Map;

/** Writes every event of every service into the audit trail. */
@Component
@ProcessingGroup(AuditTrailProjection.PROCESSING_GROUP)
public class AuditTrailProjection {

    public static final String PROCESSING_GROUP = ReadModels.AUDIT_TRAIL;

    private final ObjectMapper json;
    private final EventPositions positions;
    @PersistenceContext
    private EntityManager entityManager;
    /** A batch's events, written together: their positions read in one query, their rows in JDBC batches. */
    private final PerBatch<Map<DomainEventMessage<?>, TrackingToken>> batches = new PerBatch<>(PROCESSING_GROUP,
            LinkedHashMap::new, this::write, events -> { });

    public AuditTrailProjection(ObjectMapper json, EventPositions positions) {
        this.json = json;
        this.positions = positions;
    }

    @EventHandler
    void on(CloudServiceEvent event, DomainEventMessage<?> message, TrackingToken token) {
        batches.add(batch -> batch.put(message, token));
    }

    /** A change of the settings: in the trail like a service's events, under the settings aggregate's id. */
    @EventHandler
    void on(SettingsEvent event, DomainEventMessage<?> message, TrackingToken token) {
        batches.add(batch -> batch.put(message, token));
    }

    /** A vendor's event: in the trail like a service's, under the vendor's id. */
    @EventHandler
    void on(VendorEvent event, DomainEventMessage<?> message, TrackingToken token) {
        batches.add(batch -> batch.put(message, token));
    }

    private void write(Map<DomainEventMessage<?>, TrackingToken> batch) {
        Map<String, TrackingToken> tokens = new LinkedHashMap<>();
        batch.forEach((message, token) -> tokens.put(message.getIdentifier(), token));
        Map<String, Long> globalIndexes = positions.of(tokens);
        NewRows.insert(entityManager, batch.keySet().stream()
                .map(message -> record(message, globalIndexes.get(message.getIdentifier()))).toList());
    }

    private AuditRecord record(DomainEventMessage<?> message, long globalIndex) {
        Object event = message.getPayload();
        String subject = event instanceof CloudServiceEvent service ? service.cloudServiceId().value()
                : event instanceof VendorEvent vendor ? vendor.vendorId().value() : ((SettingsEvent) event).settingsId();
        String summary = event instanceof CloudServiceEvent service ? AuditSummaries.of(service)
                : event instanceof VendorEvent vendor ? AuditSummaries.of(vendor) : AuditSummaries.of((SettingsEvent) event);
        try {
            return new AuditRecord(message.getIdentifier(), globalIndex, message.getTimestamp(),
                    (String) message.getMetaData().getOrDefault(EventMetaData.ACTOR, "unknown"),
                    subject, message.getSequenceNumber(), event.getClass().getSimpleName(),
                    summary, (String) message.getMetaData().get(EventMetaData.CORRELATION_ID),
                    json.writeValueAsString(event), (String) message.getMetaData().get(EventMetaData.IMPORT_SHA256),
                    importRow(message.getMetaData().get(EventMetaData.IMPORT_ROW)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + message.getIdentifier() + " cannot be written as JSON", e);
        }
    }

    private static Integer importRow(Object row) {
        return row instanceof Number number ? Integer.valueOf(number.intValue()) : row == null ? null : Integer.valueOf(row.toString());
    }

    @ResetHandler
    void reset() {
        ReadModelTables.empty(entityManager, AuditRecord.class);
    }
}
