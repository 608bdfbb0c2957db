package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

import java.time.LocalDate;

/**
 * A residual-risk acceptance about to end: after {@code validUntil} the measure is open again unless a
 * new approval renews it. {@code proposalId} is null for an acceptance recorded before the sign-off.
 */
public record EndingAcceptance(
        CloudServiceId serviceId,
        String serviceName,
        String organisationUnit,
        MeasureId measureId,
        Phase phase,
        LocalDate validUntil,
        String riskOwner,
        @Nullable String proposalId) {
}
