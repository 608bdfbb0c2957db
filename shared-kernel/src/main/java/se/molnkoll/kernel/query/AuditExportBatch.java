package se.molnkoll.kernel.query;

import java.util.List;

/**
 * A batch of exported entries and the audit trail's last position when it was read, which bounds
 * the rest of the export so that it shows the trail as it was when the export began.
 */
public record AuditExportBatch(List<AuditExportEntry> entries, long endOfTrail) {
}
