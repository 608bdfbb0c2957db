package se.molnkoll.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.ServiceModel;

/**
 * Correct or bring up to date what was registered about a service: a misspelt name, a vendor bought by
 * another, a service model registered wrongly, a unit reorganised, an owner who left. A field left
 * null stays as it is; each field that changes becomes an event of its own kind, with the reason.
 */
public record CorrectServiceDetails(
        @TargetAggregateIdentifier CloudServiceId cloudServiceId,
        @Nullable String name,
        @Nullable String vendor,
        @Nullable ServiceModel serviceModel,
        @Nullable String organisationUnit,
        @Nullable String owner,
        String reason) {
}
