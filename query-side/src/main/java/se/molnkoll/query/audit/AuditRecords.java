package se.molnkoll.query.audit;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;

/** The audit trail's rows. */
public interface AuditRecords extends JpaRepository<AuditRecord, String>, JpaSpecificationExecutor<AuditRecord> {

    /** A service's events recorded after {@code from}, up to and including {@code to}, in the order stored. */
    @Query("select a from AuditRecord a where a.serviceId = :serviceId and a.recordedAt > :from and a.recordedAt <= :to"
            + " order by a.globalIndex")
    List<AuditRecord> ofServiceBetween(@Param("serviceId") String serviceId, @Param("from") Instant from,
                                       @Param("to") Instant to);
}
