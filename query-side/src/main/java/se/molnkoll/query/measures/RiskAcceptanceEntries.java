package se.molnkoll.query.measures;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.util.List;

/** Residual-risk acceptances, as they were at a moment of recorded time. */
public interface RiskAcceptanceEntries extends JpaRepository<RiskAcceptanceEntry, Long> {

    @Query("select x from RiskAcceptanceEntry x where x.serviceId = :serviceId and " + VersionedRow.AT
            + " order by x.recordedAt, x.acceptanceId")
    List<RiskAcceptanceEntry> ofServiceAt(@Param("serviceId") String serviceId, @Param("at") Instant at);

    /** What counts now towards the service's measures. */
    @Query("select x from RiskAcceptanceEntry x where x.serviceId = :serviceId and x.counts = true and x.recordedTo is null")
    List<RiskAcceptanceEntry> countingOfService(@Param("serviceId") String serviceId);
}
