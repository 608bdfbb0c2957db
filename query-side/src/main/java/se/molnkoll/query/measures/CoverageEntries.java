package se.molnkoll.query.measures;

import org.springframework.data.jpa.repository.JpaRepository;
import se.molnkoll.kernel.Phase;

import java.util.List;

/** What each piece of evidence covers. */
public interface CoverageEntries extends JpaRepository<CoverageEntry, String> {

    List<CoverageEntry> findByServiceId(String serviceId);

    List<CoverageEntry> findByEvidenceId(String evidenceId);

    List<CoverageEntry> findByServiceIdAndMeasureIdAndPhase(String serviceId, int measureId, Phase phase);
}
