package se.molnkoll.kernel.query;

/** One page of the audit trail. Answer: {@link AuditPage}. */
public record FindAuditTrail(AuditFilter filter, int page, int size, boolean newestFirst) {

    public FindAuditTrail {
        if (page < 0) throw new IllegalArgumentException("page must be 0 or more");
        if (size < 1) throw new IllegalArgumentException("size must be 1 or more");
    }
}
