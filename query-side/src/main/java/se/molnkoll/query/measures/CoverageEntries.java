package se.molnkoll.query.measures;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.util.List;

/** What each piece of evidence covers, as it was at a moment of recorded time. */
public interface CoverageEntries extends JpaRepository<CoverageEntry, Long> {

    @Query("select x from CoverageEntry x where x.serviceId = :serviceId and " + VersionedRow.AT)
    List<CoverageEntry> ofServiceAt(@Param("serviceId") String serviceId, @Param("at") Instant at);

    /** What counts now towards the service's measures. */
    @Query("select x from CoverageEntry x where x.serviceId = :serviceId and x.counts = true and x.recordedTo is null")
    List<CoverageEntry> countingOfService(@Param("serviceId") String serviceId);
}
