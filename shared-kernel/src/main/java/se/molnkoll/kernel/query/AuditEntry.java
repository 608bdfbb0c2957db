package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonRawValue;
import se.molnkoll.kernel.CloudServiceId;

import java.time.Instant;

/**
 * One recorded event as the audit trail shows it.
 *
 * @param type    the event's name, e.g. {@code EvidenceReceived}
 * @param summary one line in Swedish
 * @param position the event's place in the event store's global order (the hash chain's order)
 * @param payload the event's content as JSON
 */
public record AuditEntry(
        Instant recordedAt,
        @Nullable String actor,
        CloudServiceId serviceId,
        String type,
        String summary,
        String eventId,
        long position,
        long sequenceNumber,
        @Nullable String correlationId,
        @JsonRawValue String payload) {
}
