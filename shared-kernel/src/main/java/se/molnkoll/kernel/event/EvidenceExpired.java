package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasurePhase;

import java.time.LocalDate;
import java.util.List;

/**
 * Evidence passed its valid-until date. It no longer covers the listed (measure, phase) pairs, the
 * ones it still counted for when it lapsed.
 *
 * @param expiredOn the first day it is no longer valid (the day after its valid-until date)
 */
@Revision("1")
public record EvidenceExpired(
        CloudServiceId cloudServiceId,
        EvidenceId evidenceId,
        List<MeasurePhase> covered,
        LocalDate expiredOn) implements CloudServiceEvent {

    public EvidenceExpired {
        covered = List.copyOf(covered);
    }
}
