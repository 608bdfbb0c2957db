package se.molnkoll.query.vendors;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The services' adoptions of vendors' evidence, as they were at a moment of recorded time. */
public interface AdoptionEntries extends JpaRepository<AdoptionEntry, Long> {

    @Query("select x from AdoptionEntry x where x.evidenceId = :evidenceId and x.recordedTo is null")
    Optional<AdoptionEntry> currentOf(@Param("evidenceId") String evidenceId);

    /** With the service's name and unit as the register had them at the same moment. */
    @Query("""
            select x, s.name, s.organisationUnit from AdoptionEntry x, CloudServiceEntry s
            where s.serviceId = x.serviceId and x.vendorId = :vendorId
              and x.recordedFrom <= :at and (x.recordedTo is null or x.recordedTo > :at)
              and s.recordedFrom <= :at and (s.recordedTo is null or s.recordedTo > :at)
            order by s.name""")
    List<Object[]> ofVendorAt(@Param("vendorId") String vendorId, @Param("at") Instant at);

    /** The adoptions of one piece of vendor evidence now, for the process that ends them when it is withdrawn. */
    @Query("select x from AdoptionEntry x where x.vendorEvidenceId = :id and x.recordedTo is null order by x.serviceId")
    List<AdoptionEntry> currentOfEvidence(@Param("id") String vendorEvidenceId);
}
