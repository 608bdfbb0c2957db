package se.molnkoll.kernel.query;

import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.Phase;

/**
 * The status of every applicable measure of a service, in one phase or (phase null) in all.
 * Answer: optional {@link ServiceMeasures}, empty when the service is unknown.
 */
public record FindServiceMeasures(CloudServiceId cloudServiceId, Phase phase, Moment moment) {
}
