package se.molnkoll.kernel.query;

/**
 * Where an export of the audit trail ends and how many entries it will hold: the trail's last
 * position now, and the entries matching the filter up to it. Answer: {@link AuditExtent}.
 */
public record FindAuditExtent(AuditFilter filter) {
}
