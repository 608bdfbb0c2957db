package se.molnkoll.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.molnkoll.kernel.query.AuditEntry;
import se.molnkoll.kernel.query.AuditExportEntry;
import se.molnkoll.kernel.query.AuditExtent;
import se.molnkoll.kernel.query.AuditFilter;
import se.molnkoll.kernel.query.AuditPage;
import se.molnkoll.kernel.query.FindAuditExport;
import se.molnkoll.kernel.query.FindAuditExtent;
import se.molnkoll.kernel.query.FindAuditTrail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pages through the audit trail in the order events were stored, and reads it out in batches for export. */
@Component
public class AuditTrailQueries {

    private final AuditRecords records;
    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate readOnly;

    public AuditTrailQueries(AuditRecords records, NamedParameterJdbcTemplate jdbc, ObjectMapper json,
                             PlatformTransactionManager transactions) {
        this.records = records;
        this.jdbc = jdbc;
        this.json = json;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @QueryHandler
    public AuditPage handle(FindAuditTrail query) {
        Sort order = query.newestFirst() ? Sort.by("globalIndex").descending() : Sort.by("globalIndex").ascending();
        Page<AuditRecord> page = records.findAll(matching(query.filter()), PageRequest.of(query.page(), query.size(), order));
        return new AuditPage(page.map(AuditRecord::toView).getContent(), query.page(), query.size(),
                page.getTotalElements(), page.getTotalPages());
    }

    @QueryHandler
    public AuditExtent handle(FindAuditExtent query) {
        return readOnly.execute(tx -> {
            long end = jdbc.getJdbcTemplate().queryForObject("select coalesce(max(global_index), 0) from audit_entry",
                    Long.class);
            return new AuditExtent(end, records.count(matching(query.filter()).and(upTo(end))));
        });
    }

    /** A batch by position (not by page: no count of the rest, and no entry skipped or repeated as the trail grows). */
    @QueryHandler
    public List<AuditExportEntry> handle(FindAuditExport query) {
        return readOnly.execute(tx -> {
            Specification<AuditRecord> window = upTo(query.upTo())
                    .and((root, q, cb) -> cb.greaterThan(root.<Long>get("globalIndex"), query.after()));
            List<AuditEntry> entries = records.findBy(matching(query.filter()).and(window),
                            q -> q.sortBy(Sort.by("globalIndex").ascending()).limit(query.limit()).all())
                    .stream().map(AuditRecord::toView).toList();
            Map<Long, Object[]> links = new HashMap<>();
            if (!entries.isEmpty()) {
                jdbc.query("select global_index, link, hash from event_chain where global_index in (:positions)",
                        Map.of("positions", entries.stream().map(AuditEntry::position).toList()),
                        rs -> {
                            links.put(rs.getLong(1), new Object[]{rs.getLong(2), rs.getString(3)});
                        });
            }
            return entries.stream().map(e -> {
                Object[] link = links.get(e.position());
                return new AuditExportEntry(e.position(), e.recordedAt(), e.actor(), e.serviceId().value(),
                        e.sequenceNumber(), e.type(), e.eventId(), e.correlationId(), e.summary(), evidenceSha256(e),
                        e.importSha256(), e.importRow(), link == null ? null : (Long) link[0], link == null ? null : (String) link[1], e.payload());
            }).toList();
        });
    }

    private static Specification<AuditRecord> upTo(long position) {
        return (root, q, cb) -> cb.lessThanOrEqualTo(root.<Long>get("globalIndex"), position);
    }

    /** The SHA-256 of an evidence document the event declares (evidence received) or attaches. */
    private String evidenceSha256(AuditEntry entry) {
        String field = switch (entry.type()) {
            case "EvidenceReceived" -> "documentSha256";
            case "DocumentAttached" -> "sha256";
            default -> null;
        };
        if (field == null) return null;
        try {
            JsonNode value = json.readTree(entry.payload()).get(field);
            return value == null || value.isNull() ? null : value.asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit trail entry " + entry.eventId() + " holds unreadable JSON", e);
        }
    }

    private static Specification<AuditRecord> matching(AuditFilter filter) {
        return (root, q, cb) -> {
            var conditions = new java.util.ArrayList<jakarta.persistence.criteria.Predicate>();
            if (filter.service() != null) conditions.add(cb.equal(root.get("serviceId"), filter.service().value()));
            if (filter.actor() != null) conditions.add(cb.equal(root.get("actor"), filter.actor()));
            if (filter.type() != null) conditions.add(cb.equal(root.get("eventType"), filter.type()));
            if (filter.from() != null) conditions.add(cb.greaterThanOrEqualTo(root.get("recordedAt"), filter.from()));
            if (filter.to() != null) conditions.add(cb.lessThan(root.get("recordedAt"), filter.to()));
            return cb.and(conditions.toArray(jakarta.persistence.criteria.Predicate[]::new));
        };
    }
}
