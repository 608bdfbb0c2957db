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

    /** The register: every service as known at {@code at}, but those archived as registered by mistake. */
    @Query("select x from CloudServiceEntry x where " + VersionedRow.AT + " and x.archived = false order by x.name, x.serviceId")
    List<CloudServiceEntry> allAt(@Param("at") Instant at);

    /**
     * Rows of (service id, phase, decommissioned, classified) of every service as known at {@code at}, but those archived:
     * what the portfolio's totals count, read with one pass over the table whatever the database's
     * statistics say; for {@link VersionedRow#NOW} over the current versions alone.
     */
    default List<Object[]> states(Instant at) {
        return VersionedRow.NOW.equals(at) ? statesNow() : statesAt(at);
    }

    @Query("select x.serviceId, x.phase, x.decommissioned, x.classified from CloudServiceEntry x where x.recordedTo is null"
            + " and x.archived = false")
    List<Object[]> statesNow();

    @Query("select x.serviceId, x.phase, x.decommissioned, x.classified from CloudServiceEntry x where " + VersionedRow.AT
            + " and x.archived = false")
    List<Object[]> statesAt(@Param("at") Instant at);
}
