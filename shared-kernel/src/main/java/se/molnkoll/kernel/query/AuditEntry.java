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
 * @param importSha256 the SHA-256 of the spreadsheet an import read the event's row from; null if no import caused it
 * @param importRow that row
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
        @JsonRawValue String payload,
        @Nullable String importSha256,
        @Nullable Integer importRow) {
}
