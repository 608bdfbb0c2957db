package se.molnkoll.query.vendors;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Evidence recorded on vendors, and the services' adoptions of it, as they were at a moment of recorded time. */
public interface VendorEvidenceEntries extends JpaRepository<VendorEvidenceEntry, Long> {

    @Query("select x from VendorEvidenceEntry x where x.vendorEvidenceId = :id and x.recordedTo is null")
    Optional<VendorEvidenceEntry> current(@Param("id") String vendorEvidenceId);

    @Query("select x from VendorEvidenceEntry x where x.vendorId = :vendorId and x.recordedFrom <= :at and (x.recordedTo is null or x.recordedTo > :at) order by x.receivedOn, x.title")
    List<VendorEvidenceEntry> at(@Param("vendorId") String vendorId, @Param("at") Instant at);
}
