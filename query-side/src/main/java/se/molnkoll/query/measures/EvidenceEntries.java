package se.molnkoll.query.measures;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Recorded evidence, as it was at a moment of recorded time. */
public interface EvidenceEntries extends JpaRepository<EvidenceEntry, Long> {

    @Query("select x from EvidenceEntry x where x.evidenceId in :evidenceIds and x.recordedTo is null")
    List<EvidenceEntry> currentOf(@Param("evidenceIds") Collection<String> evidenceIds);

    @Query("select x from EvidenceEntry x where x.serviceId = :serviceId and " + VersionedRow.AT
            + " order by x.recordedAt, x.evidenceId")
    List<EvidenceEntry> ofServiceAt(@Param("serviceId") String serviceId, @Param("at") Instant at);
}
