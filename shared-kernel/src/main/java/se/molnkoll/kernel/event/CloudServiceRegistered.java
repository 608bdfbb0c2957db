package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.ServiceModel;

/** A cloud service was registered; it starts in the acquire phase. */
@Revision("1")
public record CloudServiceRegistered(
        CloudServiceId cloudServiceId,
        String name,
        String vendor,
        ServiceModel serviceModel,
        String organisationUnit,
        String owner) implements CloudServiceEvent {
}
