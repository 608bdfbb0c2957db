package se.molnkoll.kernel.query;

/**
 * One batch of an export of the audit trail: the entries matching the filter after position
 * {@code after}, up to and including {@code upTo} (null: no bound), oldest first, at most
 * {@code limit}. Answer: {@link AuditExportBatch}.
 */
public record FindAuditExport(AuditFilter filter, long after, Long upTo, int limit) {
}
