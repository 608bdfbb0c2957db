package se.molnkoll.query.measures;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** The open counts of every service (see {@link OpenMeasuresStep}), for a business {@code :day} as known at {@code :at}. */
public interface OpenMeasuresSteps extends JpaRepository<OpenMeasuresStep, Long> {

    String ON_DAY = "(x.fromDay is null or x.fromDay <= :day) and (x.untilDay is null or x.untilDay > :day)";

    @Query("select x from OpenMeasuresStep x where x.serviceId in :serviceIds and x.recordedTo is null")
    List<OpenMeasuresStep> current(@Param("serviceIds") Collection<String> serviceIds);

    /**
     * Rows of (service id, phase, number of open measures) for every service with an open measure on
     * the day, as known at {@code at}; for {@link VersionedRow#NOW} from the current steps alone, which
     * an index finds directly.
     */
    default List<Object[]> countOpenPerServiceAndPhase(LocalDate day, Instant at) {
        return VersionedRow.NOW.equals(at) ? countOpenPerServiceAndPhaseNow(day) : countOpenPerServiceAndPhaseAt(day, at);
    }

    @Query("select x.serviceId, x.phase, sum(x.openCount) from OpenMeasuresStep x where x.recordedTo is null and "
            + ON_DAY + " group by x.serviceId, x.phase")
    List<Object[]> countOpenPerServiceAndPhaseNow(@Param("day") LocalDate day);

    @Query("select x.serviceId, x.phase, sum(x.openCount) from OpenMeasuresStep x where " + VersionedRow.AT
            + " and " + ON_DAY + " group by x.serviceId, x.phase")
    List<Object[]> countOpenPerServiceAndPhaseAt(@Param("day") LocalDate day, @Param("at") Instant at);
}
