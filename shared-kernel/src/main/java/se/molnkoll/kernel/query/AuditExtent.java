package se.molnkoll.kernel.query;

/** The audit trail's last position when asked, and how many entries matching a filter it held up to there. */
public record AuditExtent(long endOfTrail, long entries) {
}
