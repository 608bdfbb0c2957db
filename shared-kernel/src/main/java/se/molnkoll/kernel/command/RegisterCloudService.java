package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.ServiceModel;

/**
 * Register an external cloud service that is being acquired; with the key the region's own register
 * knows it by, when it is imported from that register.
 */
public record RegisterCloudService(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        String name,
        String vendor,
        ServiceModel serviceModel,
        String organisationUnit,
        String owner,
        @Nullable String externalKey) {

    /** A service registered by hand, without a key of the region's own. */
    public RegisterCloudService(CloudServiceId cloudServiceId, String name, String vendor, ServiceModel serviceModel,
                                String organisationUnit, String owner) {
        this(cloudServiceId, name, vendor, serviceModel, organisationUnit, owner, null);
    }
}
