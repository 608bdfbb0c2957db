package se.molnkoll.kernel.event;

import se.molnkoll.kernel.CloudServiceId;

/** A fact about one cloud service. */
public sealed interface CloudServiceEvent permits CloudServiceRegistered, ClassificationSet, EvidenceReceived,
        EvidenceWithdrawn, EvidenceExpired, DocumentAttached, ResidualRiskAccepted, OperationStarted,
        ProviderChangeRecorded, ContractTerminated, ServiceDecommissioned, ServiceRenamed, VendorChanged,
        ServiceModelCorrected, ServiceMovedToUnit, OwnerChanged, RiskAcceptanceRevoked, ServiceArchived,
        ExternalKeyAssigned, RiskAnalysisReopened, RiskAcceptanceProposed, RiskAcceptanceApproved,
        RiskAcceptanceRejected, RiskAcceptanceEnded, TaskAssigned, TaskReassigned, TaskCompleted, ReviewScheduled,
        ReviewFellDue, ReviewRecorded, VendorLinked, LocationsDeclared, VendorEvidenceAdopted {

    CloudServiceId cloudServiceId();

    /** The names of the kinds of event, as the audit trail shows and filters them: a service's, a vendor's and the settings'. */
    static java.util.SortedSet<String> typeNames() {
        return java.util.stream.Stream.of(CloudServiceEvent.class, VendorEvent.class, SettingsEvent.class)
                .flatMap(type -> java.util.Arrays.stream(type.getPermittedSubclasses())).map(Class::getSimpleName)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }
}
