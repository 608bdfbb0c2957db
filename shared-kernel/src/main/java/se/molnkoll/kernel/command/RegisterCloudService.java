package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.ServiceModel;

/** Register an external cloud service that is being acquired. */
public record RegisterCloudService(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        String name,
        String vendor,
        ServiceModel serviceModel,
        String organisationUnit,
        String owner) {
}
