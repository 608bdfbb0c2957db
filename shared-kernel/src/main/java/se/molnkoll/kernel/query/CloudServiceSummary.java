package se.molnkoll.kernel.query;

import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.Phase;

import java.util.Map;

/** A row of the register. {@code openMeasures} counts OPEN and EXPIRED measures per phase. */
public record CloudServiceSummary(
        CloudServiceId id,
        String name,
        String vendor,
        String organisationUnit,
        Phase phase,
        boolean classified,
        boolean decommissioned,
        Map<Phase, Long> openMeasures) {
}
