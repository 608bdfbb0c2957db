package se.molnkoll.query.measures;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Recorded evidence, as it was at a moment of recorded time. */
public interface EvidenceEntries extends JpaRepository<EvidenceEntry, Long> {

    @Query("select x from EvidenceEntry x where x.evidenceId = :evidenceId and x.recordedTo is null")
    Optional<EvidenceEntry> current(@Param("evidenceId") String evidenceId);

    @Query("select x from EvidenceEntry x where x.serviceId = :serviceId and " + VersionedRow.AT
            + " order by x.recordedAt, x.evidenceId")
    List<EvidenceEntry> ofServiceAt(@Param("serviceId") String serviceId, @Param("at") Instant at);
}
