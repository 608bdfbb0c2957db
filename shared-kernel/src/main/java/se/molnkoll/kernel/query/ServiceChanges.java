package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;

import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasureStatus;
import se.molnkoll.kernel.Phase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The difference between a service as known at {@code from} (statuses on {@code fromDate}) and as
 * known at {@code to} (statuses on {@code toDate}), each change with the recorded event that caused
 * it, and every event recorded in between (after {@code from}, up to and including {@code to}).
 *
 * @param existedAtFrom false when the service was registered in between: then everything is new
 */
public record ServiceChanges(
        CloudServiceId cloudServiceId,
        Instant from,
        Instant to,
        @Nullable LocalDate fromDate,
        LocalDate toDate,
        boolean existedAtFrom,
        List<FieldChange> fields,
        List<MeasureChange> measures,
        List<EvidenceChange> evidence,
        List<AuditEntry> events) {

    /**
     * The recorded event that made a change: when, by whom, what. A change without a cause was made by
     * the calendar alone (evidence or a risk acceptance reached the end of its validity between the
     * two dates and no event was recorded for it).
     */
    public record Cause(Instant recordedAt, @Nullable String recordedBy, String eventType, String eventId) {
        public static Cause of(AuditEntry event) {
            return new Cause(event.recordedAt(), event.actor(), event.type(), event.eventId());
        }

        public Cause withoutActor() {
            return new Cause(recordedAt, null, eventType, eventId);
        }
    }

    /**
     * A fact of the service that differs: {@code name}, {@code vendor}, {@code serviceModel},
     * {@code organisationUnit}, {@code owner}, {@code phase}, {@code decommissioned}, or
     * {@code classification.<field>}; null where it had no value.
     */
    public record FieldChange(String field, @Nullable Object before, @Nullable Object after, @Nullable Cause cause) {
    }

    /** OPENED: open now, not before (it was closed or did not apply). CLOSED: open before, not now. */
    public enum MeasureChangeKind { OPENED, CLOSED, CHANGED }

    /** A (measure, phase) whose status differs; a null status means the measure did not apply then. */
    public record MeasureChange(MeasureId measureId, Phase phase, @Nullable MeasureStatus before, @Nullable MeasureStatus after,
                                MeasureChangeKind change, @Nullable Cause cause) {
    }

    public enum EvidenceChangeKind { ADDED, WITHDRAWN, EXPIRED, DOCUMENT_ATTACHED }

    /** Evidence recorded, withdrawn, expired or given its document in between. */
    public record EvidenceChange(EvidenceId evidenceId, String title, EvidenceChangeKind change, @Nullable Cause cause) {
    }
}
