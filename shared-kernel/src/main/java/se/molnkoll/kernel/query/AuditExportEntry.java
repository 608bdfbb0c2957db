package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.util.List;

/**
 * One event as exported for archiving: the audit entry, the SHA-256 of the evidence document it
 * declares or attaches (if any), and its link in the hash chain (null until chained, moments after
 * it is recorded), so that an archived export can be checked against the chain's head.
 */
@JsonPropertyOrder({"position", "recordedAt", "actor", "serviceId", "sequenceNumber", "eventType", "eventId",
        "correlationId", "summary", "evidenceSha256", "importSha256", "importRow", "chainLink", "chainHash", "payload"})
public record AuditExportEntry(
        long position,
        Instant recordedAt,
        @Nullable String actor,
        String serviceId,
        long sequenceNumber,
        String eventType,
        String eventId,
        @Nullable String correlationId,
        String summary,
        @Nullable String evidenceSha256,
        @Nullable String importSha256,
        @Nullable Integer importRow,
        @Nullable Long chainLink,
        @Nullable String chainHash,
        @JsonRawValue String payload) {

    /** The names of the fields, in order: the CSV header. */
    public static final List<String> COLUMNS = List.of("position", "recordedAt", "actor", "serviceId", "sequenceNumber",
            "eventType", "eventId", "correlationId", "summary", "evidenceSha256", "importSha256", "importRow", "chainLink",
            "chainHash", "payload");

    /** The values in {@link #COLUMNS} order, as text (empty for null). */
    public List<String> values() {
        return List.of(Long.toString(position), recordedAt.toString(), text(actor), serviceId,
                Long.toString(sequenceNumber), eventType, eventId, text(correlationId), summary, text(evidenceSha256),
                text(importSha256), importRow == null ? "" : importRow.toString(), chainLink == null ? "" : chainLink.toString(), text(chainHash), payload);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
