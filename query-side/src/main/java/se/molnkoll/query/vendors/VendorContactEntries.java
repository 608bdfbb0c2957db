package se.molnkoll.query.vendors;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import se.molnkoll.kernel.vendor.ContactPoint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Vendors' contacts, as they were at a moment of recorded time. */
public interface VendorContactEntries extends JpaRepository<VendorContactEntry, Long> {

    @Query("select x from VendorContactEntry x where x.vendorId = :vendorId and x.purpose = :purpose and x.recordedTo is null")
    Optional<VendorContactEntry> current(@Param("vendorId") String vendorId, @Param("purpose") ContactPoint.Purpose purpose);

    @Query("select x from VendorContactEntry x where x.vendorId = :vendorId and x.recordedFrom <= :at and (x.recordedTo is null or x.recordedTo > :at) order by x.purpose")
    List<VendorContactEntry> at(@Param("vendorId") String vendorId, @Param("at") Instant at);
}
