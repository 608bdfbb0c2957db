package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.time.LocalDate;

/**
 * The risk accepted for a measure in a phase was revoked: from {@code revokedFrom} (a business date,
 * the first day it no longer counts) none of the pair's acceptances counts; on the days before, they
 * count as they did.
 */
@Revision("1")
public record RiskAcceptanceRevoked(
        CloudServiceId cloudServiceId,
        MeasureId measureId,
        Phase phase,
        LocalDate revokedFrom,
        String reason) implements CloudServiceEvent {
}
