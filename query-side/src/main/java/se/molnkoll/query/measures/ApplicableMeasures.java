package se.molnkoll.query.measures;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.LocalDate;
import java.util.List;

/**
 * The applicable measures of every service, and the open counts computed from them.
 *
 * <p>The open counts restate {@link se.molnkoll.kernel.compliance.MeasureStatusRule} in JPQL so that
 * the database counts a whole portfolio in one query: a pair is open unless evidence that counts is
 * valid on the day or a risk acceptance that counts is in force on the day. A test checks the two
 * agree on random histories.
 */
public interface ApplicableMeasures extends JpaRepository<ApplicableMeasure, MeasureKey> {

    String CLOSED_BY_EVIDENCE = """
            exists (select c from CoverageEntry c
                    where c.serviceId = a.key.serviceId and c.measureId = a.key.measureId and c.phase = a.key.phase
                      and c.counts = true
                      and (c.validFrom is null or c.validFrom <= :day)
                      and (c.validUntil is null or c.validUntil >= :day))""";
    String CLOSED_BY_RISK_ACCEPTANCE = """
            exists (select r from RiskAcceptanceEntry r
                    where r.serviceId = a.key.serviceId and r.measureId = a.key.measureId and r.phase = a.key.phase
                      and r.counts = true
                      and (r.validUntil is null or r.validUntil >= :day))""";

    @Query("select a from ApplicableMeasure a where a.key.serviceId = :serviceId")
    List<ApplicableMeasure> findByServiceId(@Param("serviceId") String serviceId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from ApplicableMeasure a where a.key.serviceId = :serviceId")
    void deleteByServiceId(@Param("serviceId") String serviceId);

    /** Rows of (service id, phase, number of open measures) for every service with an open measure. */
    @Query("select a.key.serviceId, a.key.phase, count(a) from ApplicableMeasure a"
            + " where not " + CLOSED_BY_EVIDENCE + " and not " + CLOSED_BY_RISK_ACCEPTANCE
            + " group by a.key.serviceId, a.key.phase")
    List<Object[]> countOpenPerServiceAndPhase(@Param("day") LocalDate day);

    /** Rows of (phase, number of open measures) over the services that are not decommissioned. */
    @Query("select a.key.phase, count(a) from ApplicableMeasure a"
            + " where a.key.serviceId in (select s.id from CloudServiceEntry s where s.decommissioned = false)"
            + " and not " + CLOSED_BY_EVIDENCE + " and not " + CLOSED_BY_RISK_ACCEPTANCE
            + " group by a.key.phase")
    List<Object[]> countOpenPerPhaseInPortfolio(@Param("day") LocalDate day);
}
