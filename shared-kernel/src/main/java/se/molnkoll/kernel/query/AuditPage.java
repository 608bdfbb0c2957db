package se.molnkoll.kernel.query;

import java.util.List;

/** One page of audit entries, with what a client needs to fetch the others. */
public record AuditPage(List<AuditEntry> entries, int page, int size, long totalEntries, int totalPages) {
}
