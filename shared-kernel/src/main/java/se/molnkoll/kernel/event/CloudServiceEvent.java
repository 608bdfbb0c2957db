package se.molnkoll.kernel.event;

import se.molnkoll.kernel.CloudServiceId;

/** A fact about one cloud service. */
public sealed interface CloudServiceEvent permits CloudServiceRegistered, ClassificationSet, EvidenceReceived,
        EvidenceWithdrawn, EvidenceExpired, DocumentAttached, ResidualRiskAccepted, OperationStarted,
        ProviderChangeRecorded, ContractTerminated, ServiceDecommissioned {

    CloudServiceId cloudServiceId();
}
