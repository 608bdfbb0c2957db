package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;

import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A cloud service in full: its facts, classification (null until classified), the status of every
 * applicable measure per phase on {@code statusDate}, and the evidence and risk acceptances behind
 * them, and the residual-risk proposals made for the risk owner, as recorded at {@code asOf} (null:
 * everything recorded up to now).
 */
public record CloudServiceView(
        CloudServiceId id,
        String name,
        String vendor,
        ServiceModel serviceModel,
        String organisationUnit,
        String owner,
        Phase phase,
        boolean decommissioned,
        @Nullable String archivedBecause,
        @Nullable Classification classification,
        Instant registeredAt,
        @Nullable Instant asOf,
        LocalDate statusDate,
        Map<Phase, Long> openMeasures,
        List<MeasureStatusView> measures,
        List<EvidenceView> evidence,
        List<RiskAcceptanceView> riskAcceptances,
        List<RiskProposalView> riskProposals) {

    /** The same view without who recorded what: that belongs to the audit trail, which not every role may read. */
    public CloudServiceView withoutActors() {
        return new CloudServiceView(id, name, vendor, serviceModel, organisationUnit, owner, phase, decommissioned,
                archivedBecause, classification, registeredAt, asOf, statusDate, openMeasures, measures,
                evidence.stream().map(EvidenceView::withoutActor).toList(),
                riskAcceptances.stream().map(RiskAcceptanceView::withoutActor).toList(), riskProposals);
    }
}
