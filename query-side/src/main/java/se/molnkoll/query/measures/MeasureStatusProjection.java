package se.molnkoll.query.measures;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.event.EventMetaData;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.event.ClassificationSet;
import se.molnkoll.kernel.event.CloudServiceRegistered;
import se.molnkoll.kernel.event.DocumentAttached;
import se.molnkoll.kernel.event.EvidenceExpired;
import se.molnkoll.kernel.event.EvidenceReceived;
import se.molnkoll.kernel.event.EvidenceWithdrawn;
import se.molnkoll.kernel.event.ProviderChangeRecorded;
import se.molnkoll.kernel.event.ResidualRiskAccepted;

import java.time.Instant;

/**
 * Keeps, per service, the applicable measures and what counts towards them. It stores no statuses:
 * a status depends on the day it is asked for, so the query handlers compute it.
 */
@Component
@ProcessingGroup(MeasureStatusProjection.PROCESSING_GROUP)
public class MeasureStatusProjection {

    public static final String PROCESSING_GROUP = "measures";

    private final MeasureCatalogue catalogue;
    private final ApplicableMeasures applicable;
    private final EvidenceEntries evidence;
    private final CoverageEntries coverage;
    private final RiskAcceptanceEntries riskAcceptances;

    public MeasureStatusProjection(MeasureCatalogue catalogue, ApplicableMeasures applicable,
                                   EvidenceEntries evidence, CoverageEntries coverage,
                                   RiskAcceptanceEntries riskAcceptances) {
        this.catalogue = catalogue;
        this.applicable = applicable;
        this.evidence = evidence;
        this.coverage = coverage;
        this.riskAcceptances = riskAcceptances;
    }

    @EventHandler
    void on(CloudServiceRegistered event) {
        replaceApplicable(event.cloudServiceId().value(), Classification.UNCLASSIFIED);
    }

    @EventHandler
    void on(ClassificationSet event) {
        replaceApplicable(event.cloudServiceId().value(), event.classification());
    }

    @EventHandler
    void on(EvidenceReceived event, @Timestamp Instant recordedAt, @MetaDataValue(EventMetaData.ACTOR) String actor) {
        String serviceId = event.cloudServiceId().value();
        String evidenceId = event.evidenceId().value();
        evidence.save(new EvidenceEntry(evidenceId, serviceId, event.kind(), event.title(), event.issuer(),
                event.receivedOn(), event.validFrom(), event.validUntil(), event.documentSha256(),
                event.reference(), recordedAt, actor));
        coverage.saveAll(event.covers().stream()
                .map(pair -> new CoverageEntry(evidenceId, serviceId, pair, event.validFrom(), event.validUntil()))
                .toList());
    }

    @EventHandler
    void on(EvidenceWithdrawn event) {
        evidence.findById(event.evidenceId().value()).ifPresent(entry -> entry.withdraw(event.reason()));
        coverage.findByEvidenceId(event.evidenceId().value()).forEach(CoverageEntry::setAside);
    }

    @EventHandler
    void on(EvidenceExpired event) {
        evidence.findById(event.evidenceId().value()).ifPresent(entry -> entry.expire(event.expiredOn()));
    }

    @EventHandler
    void on(DocumentAttached event, @Timestamp Instant recordedAt) {
        evidence.findById(event.evidenceId().value()).ifPresent(entry -> entry.attach(event.sha256(),
                event.sizeBytes(), event.fileName(), event.mediaType(), recordedAt));
    }

    @EventHandler
    void on(ResidualRiskAccepted event, EventMessage<?> message, @Timestamp Instant recordedAt,
            @MetaDataValue(EventMetaData.ACTOR) String actor) {
        riskAcceptances.save(new RiskAcceptanceEntry(message.getIdentifier(), event.cloudServiceId().value(),
                new MeasurePhase(event.measureId(), event.phase()), event.riskOwner(), event.motivation(),
                event.validUntil(), recordedAt, actor));
    }

    @EventHandler
    void on(ProviderChangeRecorded event) {
        String serviceId = event.cloudServiceId().value();
        for (MeasurePhase pair : event.reopened()) {
            int measureId = pair.measureId().value();
            coverage.findByServiceIdAndMeasureIdAndPhase(serviceId, measureId, pair.phase())
                    .forEach(CoverageEntry::setAside);
            riskAcceptances.findByServiceIdAndMeasureIdAndPhase(serviceId, measureId, pair.phase())
                    .forEach(RiskAcceptanceEntry::setAside);
        }
    }

    @ResetHandler
    void reset() {
        riskAcceptances.deleteAllInBatch();
        coverage.deleteAllInBatch();
        evidence.deleteAllInBatch();
        applicable.deleteAllInBatch();
    }

    private void replaceApplicable(String serviceId, Classification classification) {
        applicable.deleteByServiceId(serviceId);
        applicable.saveAll(catalogue.applicablePairs(classification).stream()
                .map(pair -> new ApplicableMeasure(serviceId, pair))
                .toList());
    }
}
