package se.molnkoll.query.measures;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The applicable measures of every service, and the open counts computed from them, for a business
 * {@code :day} as known at a moment {@code :at} of recorded time.
 *
 * <p>The open counts restate {@link se.molnkoll.kernel.compliance.MeasureStatusRule} in JPQL so that
 * the database counts a whole portfolio in one query: a pair is open unless evidence that counts is
 * valid on the day or a risk acceptance that counts is in force on the day. A test checks the two
 * agree on random histories.
 */
public interface ApplicableMeasures extends JpaRepository<ApplicableMeasure, Long> {

    String COVERAGE_AT = "c.recordedFrom <= :at and (c.recordedTo is null or c.recordedTo > :at)";
    String ACCEPTANCE_AT = "r.recordedFrom <= :at and (r.recordedTo is null or r.recordedTo > :at)";
    String SERVICE_AT = "s.recordedFrom <= :at and (s.recordedTo is null or s.recordedTo > :at)";
    String CLOSED_BY_EVIDENCE = """
            exists (select c from CoverageEntry c
                    where c.serviceId = x.serviceId and c.measureId = x.measureId and c.phase = x.phase
                      and c.counts = true and""" + " " + COVERAGE_AT + """
                      and (c.validFrom is null or c.validFrom <= :day)
                      and (c.validUntil is null or c.validUntil >= :day))""";
    String CLOSED_BY_RISK_ACCEPTANCE = """
            exists (select r from RiskAcceptanceEntry r
                    where r.serviceId = x.serviceId and r.measureId = x.measureId and r.phase = x.phase
                      and r.counts = true and""" + " " + ACCEPTANCE_AT + """
                      and (r.acceptedOn is null or r.acceptedOn <= :day)
                      and (r.validUntil is null or r.validUntil >= :day))""";

    @Query("select x from ApplicableMeasure x where x.serviceId = :serviceId and x.recordedTo is null")
    List<ApplicableMeasure> current(@Param("serviceId") String serviceId);

    @Query("select x from ApplicableMeasure x where x.serviceId = :serviceId and " + VersionedRow.AT)
    List<ApplicableMeasure> at(@Param("serviceId") String serviceId, @Param("at") Instant at);

    /** Rows of (service id, phase, number of open measures) for every service with an open measure. */
    @Query("select x.serviceId, x.phase, count(x) from ApplicableMeasure x where " + VersionedRow.AT
            + " and not " + CLOSED_BY_EVIDENCE + " and not " + CLOSED_BY_RISK_ACCEPTANCE
            + " group by x.serviceId, x.phase")
    List<Object[]> countOpenPerServiceAndPhase(@Param("day") LocalDate day, @Param("at") Instant at);

    /** Rows of (phase, number of open measures) over the services that are not decommissioned. */
    @Query("select x.phase, count(x) from ApplicableMeasure x where " + VersionedRow.AT
            + " and x.serviceId in (select s.serviceId from CloudServiceEntry s where s.decommissioned = false and "
            + SERVICE_AT + ")"
            + " and not " + CLOSED_BY_EVIDENCE + " and not " + CLOSED_BY_RISK_ACCEPTANCE
            + " group by x.phase")
    List<Object[]> countOpenPerPhaseInPortfolio(@Param("day") LocalDate day, @Param("at") Instant at);
}
