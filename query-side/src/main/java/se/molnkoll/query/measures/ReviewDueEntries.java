package se.molnkoll.query.measures;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.util.List;

/** The days reviews were past due, as known at a moment of recorded time. */
public interface ReviewDueEntries extends JpaRepository<ReviewDueEntry, Long> {

    @Query("select x from ReviewDueEntry x where x.serviceId = :serviceId and " + VersionedRow.AT)
    List<ReviewDueEntry> ofServiceAt(@Param("serviceId") String serviceId, @Param("at") Instant at);

    @Query("select x from ReviewDueEntry x where x.serviceId = :serviceId and x.recordedTo is null")
    List<ReviewDueEntry> currentOfService(@Param("serviceId") String serviceId);
}
