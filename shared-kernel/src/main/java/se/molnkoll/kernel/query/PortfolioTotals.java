package se.molnkoll.kernel.query;

import se.molnkoll.kernel.Phase;

import java.util.Map;

/**
 * Totals over the services that are not decommissioned: how many are in each phase, and how many
 * of their applicable measures are open (OPEN or EXPIRED) in each phase.
 */
public record PortfolioTotals(
        long services,
        Map<Phase, Long> servicesPerPhase,
        Map<Phase, Long> openMeasuresPerPhase,
        long unclassifiedServices,
        long decommissionedServices) {
}
