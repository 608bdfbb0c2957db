package se.molnkoll.query.measures;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import se.molnkoll.kernel.Phase;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** What each piece of evidence covers, as it was at a moment of recorded time. */
public interface CoverageEntries extends JpaRepository<CoverageEntry, Long> {

    @Query("select x from CoverageEntry x where x.serviceId = :serviceId and " + VersionedRow.AT)
    List<CoverageEntry> ofServiceAt(@Param("serviceId") String serviceId, @Param("at") Instant at);

    @Query("select x from CoverageEntry x where x.evidenceId = :evidenceId and x.counts = true and x.recordedTo is null")
    List<CoverageEntry> countingOfEvidence(@Param("evidenceId") String evidenceId);

    /** What counts now towards some measures of the service, in any phase: one query for all the pairs an event touches. */
    @Query("select x from CoverageEntry x where x.serviceId = :serviceId and x.measureId in :measureIds"
            + " and x.counts = true and x.recordedTo is null")
    List<CoverageEntry> countingOfMeasures(@Param("serviceId") String serviceId,
                                           @Param("measureIds") Collection<Integer> measureIds);

    @Query("select x from CoverageEntry x where x.serviceId = :serviceId and x.measureId = :measureId"
            + " and x.phase = :phase and x.counts = true and x.recordedTo is null")
    List<CoverageEntry> countingOfPair(@Param("serviceId") String serviceId, @Param("measureId") int measureId,
                                       @Param("phase") Phase phase);
}
