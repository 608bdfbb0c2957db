package se.molnkoll.query.audit;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.query.AuditFilter;
import se.molnkoll.kernel.query.AuditPage;
import se.molnkoll.kernel.query.FindAuditTrail;

/** Pages through the audit trail in the order events were stored. */
@Component
public class AuditTrailQueries {

    private final AuditRecords records;

    public AuditTrailQueries(AuditRecords records) {
        this.records = records;
    }

    @QueryHandler
    public AuditPage handle(FindAuditTrail query) {
        Sort order = query.newestFirst() ? Sort.by("globalIndex").descending() : Sort.by("globalIndex").ascending();
        Page<AuditRecord> page = records.findAll(matching(query.filter()), PageRequest.of(query.page(), query.size(), order));
        return new AuditPage(page.map(AuditRecord::toView).getContent(), query.page(), query.size(),
                page.getTotalElements(), page.getTotalPages());
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
