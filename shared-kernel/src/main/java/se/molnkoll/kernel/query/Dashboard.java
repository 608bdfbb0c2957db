package se.molnkoll.kernel.query;

import se.molnkoll.kernel.Phase;

import java.time.LocalDate;
import java.util.Map;

/**
 * The portfolio at a glance, for today ({@code statusDate}), over the services that are not
 * decommissioned; certificates as {@link FindCertificates} counts them.
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
        LocalDate statusDate) {
}
