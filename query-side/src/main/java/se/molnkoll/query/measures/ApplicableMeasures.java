package se.molnkoll.query.measures;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.util.List;

/** The applicable measures of every service, as known at a moment {@code :at} of recorded time. */
public interface ApplicableMeasures extends JpaRepository<ApplicableMeasure, Long> {

    @Query("select x from ApplicableMeasure x where x.serviceId = :serviceId and x.recordedTo is null")
    List<ApplicableMeasure> current(@Param("serviceId") String serviceId);

    @Query("select x from ApplicableMeasure x where x.serviceId = :serviceId and " + VersionedRow.AT)
    List<ApplicableMeasure> at(@Param("serviceId") String serviceId, @Param("at") Instant at);
}
