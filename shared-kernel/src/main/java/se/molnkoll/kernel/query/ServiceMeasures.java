package se.molnkoll.kernel.query;

import se.molnkoll.kernel.CloudServiceId;

import java.util.List;

/** The measure statuses of one service. */
public record ServiceMeasures(CloudServiceId cloudServiceId, List<MeasureStatusView> measures) {
}
