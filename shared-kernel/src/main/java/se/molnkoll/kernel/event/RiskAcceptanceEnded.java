package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.time.LocalDate;

/**
 * An approved acceptance reached its end date: from {@code endedOn} (the day after it) it no longer
 * counts and the measure is open again, unless something else covers it. Recorded once, by the sweep;
 * the statuses of earlier days are unchanged. Only a new approval renews it.
 */
@Revision("1")
public record RiskAcceptanceEnded(
        CloudServiceId cloudServiceId,
        String proposalId,
        MeasureId measureId,
        Phase phase,
        LocalDate endedOn) implements CloudServiceEvent {
}
