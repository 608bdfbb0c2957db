package se.molnkoll.kernel.query;

import se.molnkoll.kernel.CloudServiceId;

import java.time.Instant;

/**
 * Narrows the audit trail; every field is optional.
 *
 * @param type the event's name, e.g. {@code EvidenceReceived}
 * @param from first recorded instant included
 * @param to   recorded instants before this one are included (exclusive end)
 */
public record AuditFilter(CloudServiceId service, String actor, String type, Instant from, Instant to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

    public AuditFilter forService(CloudServiceId id) {
        return new AuditFilter(id, actor, type, from, to);
    }
}
