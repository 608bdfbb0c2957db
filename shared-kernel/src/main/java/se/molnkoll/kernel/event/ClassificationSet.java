package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.CloudServiceId;

/**
 * The information the service handles was classified (or classified again); the classification
 * decides which measures are mandatory from now on.
 */
@Revision("1")
public record ClassificationSet(
        CloudServiceId cloudServiceId,
        Classification classification) implements CloudServiceEvent {
}
