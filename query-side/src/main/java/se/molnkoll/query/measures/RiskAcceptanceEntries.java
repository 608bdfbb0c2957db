package se.molnkoll.query.measures;

import org.springframework.data.jpa.repository.JpaRepository;
import se.molnkoll.kernel.Phase;

import java.util.List;

/** Residual-risk acceptances. */
public interface RiskAcceptanceEntries extends JpaRepository<RiskAcceptanceEntry, String> {

    List<RiskAcceptanceEntry> findByServiceIdOrderByRecordedAtAscIdAsc(String serviceId);

    List<RiskAcceptanceEntry> findByServiceIdAndMeasureIdAndPhase(String serviceId, int measureId, Phase phase);
}
