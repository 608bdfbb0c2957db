package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.Phase;

import java.util.Map;

/**
 * A row of the register page.
 *
 * @param openMeasures        OPEN and EXPIRED measures per phase
 * @param openInPhase         those of the phase the service is in: the current step's work
 * @param expiredCertificates a certificate of it has expired and is not renewed
 * @param expiringInDays      the fewest days a certificate of it has left within the warning window, or null
 * @param locationConflict    in use, and the location check finds a conflict
 */
public record RegisterRow(CloudServiceId id, String name, String vendor, String organisationUnit, Phase phase,
                          boolean classified, boolean decommissioned, Map<Phase, Long> openMeasures, long openInPhase,
                          boolean expiredCertificates, @Nullable Long expiringInDays, boolean locationConflict) {
}
