package se.molnkoll.kernel.event;

import org.axonframework.serialization.Revision;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.ServiceModel;

/** The service model registered (SaaS, PaaS, IaaS) was corrected: the service model before and after, and why. History keeps the value before. */
@Revision("1")
public record ServiceModelCorrected(
        CloudServiceId cloudServiceId,
        ServiceModel before,
        ServiceModel after,
        String reason) implements CloudServiceEvent {
}
