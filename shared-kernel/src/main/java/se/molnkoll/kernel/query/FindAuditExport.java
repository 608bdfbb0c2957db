package se.molnkoll.kernel.query;

/**
 * One batch of an export of the audit trail: the entries matching the filter after position
 * {@code after}, up to and including {@code upTo}, oldest first, at most {@code limit}.
 * Answer: list of {@link AuditExportEntry}.
 */
public record FindAuditExport(AuditFilter filter, long after, long upTo, int limit) {
}
