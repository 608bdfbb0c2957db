package se.molnkoll.query.audit;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The audit trail's rows. */
public interface AuditRecords extends JpaRepository<AuditRecord, String>, JpaSpecificationExecutor<AuditRecord> {
}
