package se.molnkoll.query.vendors;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Vendors' sub-processors, as they were at a moment of recorded time. */
public interface SubProcessorEntries extends JpaRepository<SubProcessorEntry, Long> {

    @Query("select x from SubProcessorEntry x where x.subProcessorId = :id and x.recordedTo is null")
    Optional<SubProcessorEntry> current(@Param("id") String subProcessorId);

    @Query("select x from SubProcessorEntry x where x.vendorId = :vendorId and x.recordedFrom <= :at and (x.recordedTo is null or x.recordedTo > :at) order by lower(x.name)")
    List<SubProcessorEntry> at(@Param("vendorId") String vendorId, @Param("at") Instant at);

    @Query("select x from SubProcessorEntry x where x.recordedFrom <= :at and (x.recordedTo is null or x.recordedTo > :at)")
    List<SubProcessorEntry> all(@Param("at") Instant at);
}
