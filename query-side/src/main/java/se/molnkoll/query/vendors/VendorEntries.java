package se.molnkoll.query.vendors;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Vendors, as they were at a moment of recorded time. */
public interface VendorEntries extends JpaRepository<VendorEntry, Long> {

    @Query("select x from VendorEntry x where x.vendorId = :vendorId and x.recordedTo is null")
    Optional<VendorEntry> current(@Param("vendorId") String vendorId);

    @Query("select x from VendorEntry x where x.vendorId = :vendorId and x.recordedFrom <= :at and (x.recordedTo is null or x.recordedTo > :at)")
    Optional<VendorEntry> at(@Param("vendorId") String vendorId, @Param("at") Instant at);

    @Query("select x from VendorEntry x where x.recordedFrom <= :at and (x.recordedTo is null or x.recordedTo > :at) order by lower(x.name), x.vendorId")
    List<VendorEntry> all(@Param("at") Instant at);
}
