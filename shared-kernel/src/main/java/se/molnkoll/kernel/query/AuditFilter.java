package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;

import se.molnkoll.kernel.CloudServiceId;

import java.time.Instant;

/**
 * Narrows the audit trail; every field is optional.
 *
 * @param type the event's name, e.g. {@code EvidenceReceived}
 * @param from first recorded instant included
 * @param to   recorded instants before this one are included (exclusive end)
 */
public record AuditFilter(@Nullable CloudServiceId service, @Nullable String actor, @Nullable String type, @Nullable Instant from, @Nullable Instant to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

    public AuditFilter forService(CloudServiceId id) {
        return new AuditFilter(id, actor, type, from, to);
    }
}
