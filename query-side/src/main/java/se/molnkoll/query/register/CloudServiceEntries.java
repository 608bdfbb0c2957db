package se.molnkoll.query.register;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import se.molnkoll.kernel.Phase;

import java.util.List;

/** The register's rows. */
public interface CloudServiceEntries extends JpaRepository<CloudServiceEntry, String> {

    List<CloudServiceEntry> findAllByOrderByNameAscIdAsc();

    @Query("select e.phase, count(e) from CloudServiceEntry e where e.decommissioned = false group by e.phase")
    List<Object[]> countActivePerPhase();

    long countByDecommissionedFalseAndClassifiedFalse();

    long countByDecommissionedTrue();
}
