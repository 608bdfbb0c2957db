package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;

import se.molnkoll.kernel.Phase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The portfolio at a glance on {@code statusDate}, over the services that were not decommissioned,
 * as recorded at {@code asOf} (null: everything recorded up to now); certificates as
 * {@link FindCertificates} counts them; residual-risk acceptances ending within the same window
 * ({@link FindEndingAcceptances}) and proposals waiting for the risk owner; the open tasks overdue on
 * the day per organisation unit (units without any left out); recurring reviews of services in operation
 * past due; the services in use whose location check finds a conflict, per organisation unit (units without any
 * left out).
 */
public record Dashboard(
        Map<Phase, Long> servicesPerPhase,
        Map<Phase, Long> openMeasuresPerPhase,
        long expiredCertificates,
        long expiringCertificates,
        long unclassifiedServices,
        long services,
        long decommissionedServices,
        int expiringWithinDays,
        long endingRiskAcceptances,
        long pendingRiskProposals,
        Map<String, Long> overdueTasksPerUnit,
        long reviewsPastDue,
        Map<String, Long> locationConflictsPerUnit,
        @Nullable Instant asOf,
        LocalDate statusDate) {
}
