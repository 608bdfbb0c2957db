package se.molnkoll.query.measures;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

/** The certificates at stake of every service (see {@link CertificateAtStake}); counted by CertificateQueries. */
public interface CertificatesAtStake extends JpaRepository<CertificateAtStake, Long> {

    @Query("select x from CertificateAtStake x where x.serviceId = :serviceId and x.recordedTo is null")
    List<CertificateAtStake> current(@Param("serviceId") String serviceId);
}
