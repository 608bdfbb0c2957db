package se.molnkoll.query.followup;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import se.molnkoll.kernel.query.RiskProposalView;
import se.molnkoll.query.persistence.VersionedRow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Residual-risk proposals, as they were at a moment of recorded time. */
public interface RiskProposalEntries extends JpaRepository<RiskProposalEntry, Long> {

    @Query("select x from RiskProposalEntry x where x.proposalId = :proposalId and x.recordedTo is null")
    Optional<RiskProposalEntry> current(@Param("proposalId") String proposalId);

    /** With the service's name and unit as known at the same moment; services archived are left out. */
    @Query("""
            select x, s.name, s.organisationUnit from RiskProposalEntry x, CloudServiceEntry s
            where s.serviceId = x.serviceId and s.archived = false
              and x.recordedFrom <= :at and (x.recordedTo is null or x.recordedTo > :at)
              and s.recordedFrom <= :at and (s.recordedTo is null or s.recordedTo > :at)
              and (:state is null or x.state = :state) and (:serviceId is null or x.serviceId = :serviceId)
            order by x.recordedAt, x.proposalId""")
    List<Object[]> at(@Param("at") Instant at, @Param("state") RiskProposalView.State state,
                      @Param("serviceId") String serviceId);
}
