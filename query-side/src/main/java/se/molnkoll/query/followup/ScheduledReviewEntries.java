package se.molnkoll.query.followup;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import se.molnkoll.kernel.Phase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Recurring reviews, as they were at a moment of recorded time. */
public interface ScheduledReviewEntries extends JpaRepository<ScheduledReviewEntry, Long> {

    @Query("select x from ScheduledReviewEntry x where x.serviceId = :serviceId and x.measureId = :measureId"
            + " and x.phase = :phase and x.recordedTo is null")
    Optional<ScheduledReviewEntry> current(@Param("serviceId") String serviceId, @Param("measureId") int measureId,
                                           @Param("phase") Phase phase);

    /** With the service's name and unit as known at the same moment, of services in operation now then. */
    @Query("""
            select x, s.name, s.organisationUnit from ScheduledReviewEntry x, CloudServiceEntry s
            where s.serviceId = x.serviceId and s.archived = false and s.decommissioned = false
              and s.phase = se.molnkoll.kernel.Phase.OPERATE
              and x.recordedFrom <= :at and (x.recordedTo is null or x.recordedTo > :at)
              and s.recordedFrom <= :at and (s.recordedTo is null or s.recordedTo > :at)
              and (:serviceId is null or x.serviceId = :serviceId) and (:pastDueOnly = false or x.pastDueFrom is not null)
            order by x.dueOn, s.name, x.measureId""")
    List<Object[]> at(@Param("at") Instant at, @Param("serviceId") String serviceId, @Param("pastDueOnly") boolean pastDueOnly);

    /** Past their due date, lapse not recorded, of services in operation now. */
    @Query("""
            select x.serviceId, x.measureId, x.phase from ScheduledReviewEntry x, CloudServiceEntry s
            where s.serviceId = x.serviceId and x.recordedTo is null and s.recordedTo is null
              and s.archived = false and s.decommissioned = false and s.phase = se.molnkoll.kernel.Phase.OPERATE
              and x.pastDueFrom is null and x.dueOn < :today
            order by x.dueOn, x.serviceId, x.measureId""")
    List<Object[]> due(@Param("today") LocalDate today, org.springframework.data.domain.Pageable limit);
}
