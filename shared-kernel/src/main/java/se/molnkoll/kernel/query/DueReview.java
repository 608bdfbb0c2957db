package se.molnkoll.kernel.query;

import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.Phase;

/** A recurring review whose lapse the sweep is to record. */
public record DueReview(CloudServiceId serviceId, MeasureId measureId, Phase phase) {
}
