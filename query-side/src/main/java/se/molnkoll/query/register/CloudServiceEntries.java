package se.molnkoll.query.register;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The register's rows, as they were at a moment of recorded time ({@link VersionedRow#NOW} for today). */
public interface CloudServiceEntries extends JpaRepository<CloudServiceEntry, Long> {

    @Query("select x from CloudServiceEntry x where x.serviceId = :serviceId and x.recordedTo is null")
    Optional<CloudServiceEntry> current(@Param("serviceId") String serviceId);

    @Query("select x from CloudServiceEntry x where x.serviceId = :serviceId and " + VersionedRow.AT)
    Optional<CloudServiceEntry> at(@Param("serviceId") String serviceId, @Param("at") Instant at);

    @Query("select x from CloudServiceEntry x where " + VersionedRow.AT + " order by x.name, x.serviceId")
    List<CloudServiceEntry> allAt(@Param("at") Instant at);

    @Query("select x.phase, count(x) from CloudServiceEntry x where x.decommissioned = false and " + VersionedRow.AT
            + " group by x.phase")
    List<Object[]> countActivePerPhase(@Param("at") Instant at);

    @Query("select count(x) from CloudServiceEntry x where x.decommissioned = false and x.classified = false and "
            + VersionedRow.AT)
    long countUnclassified(@Param("at") Instant at);

    @Query("select count(x) from CloudServiceEntry x where x.decommissioned = true and " + VersionedRow.AT)
    long countDecommissioned(@Param("at") Instant at);
}
