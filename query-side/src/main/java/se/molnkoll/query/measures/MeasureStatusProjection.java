package se.molnkoll.query.measures;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.event.ClassificationSet;
import se.molnkoll.kernel.event.CloudServiceRegistered;
import se.molnkoll.kernel.event.DocumentAttached;
import se.molnkoll.kernel.event.EventMetaData;
import se.molnkoll.kernel.event.EvidenceExpired;
import se.molnkoll.kernel.event.EvidenceReceived;
import se.molnkoll.kernel.event.EvidenceWithdrawn;
import se.molnkoll.kernel.event.ProviderChangeRecorded;
import se.molnkoll.kernel.event.ResidualRiskAccepted;
import se.molnkoll.kernel.query.ReadModels;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Keeps, per service, the applicable measures and what counts towards them, each change as a new
 * version at the event's recorded time. It stores no statuses: a status depends on the day it is
 * asked for, so the query handlers compute it.
 */
@Component
@ProcessingGroup(MeasureStatusProjection.PROCESSING_GROUP)
public class MeasureStatusProjection {

    public static final String PROCESSING_GROUP = ReadModels.MEASURES;

    private final MeasureCatalogue catalogue;
    private final ApplicableMeasures applicable;
    private final EvidenceEntries evidence;
    private final CoverageEntries coverage;
    private final RiskAcceptanceEntries riskAcceptances;
    private final OpenMeasuresSteps openMeasures;
    private final OpenMeasuresKeeper openCounts;

    public MeasureStatusProjection(MeasureCatalogue catalogue, ApplicableMeasures applicable,
                                   EvidenceEntries evidence, CoverageEntries coverage,
                                   RiskAcceptanceEntries riskAcceptances, OpenMeasuresSteps openMeasures) {
        this.catalogue = catalogue;
        this.applicable = applicable;
        this.evidence = evidence;
        this.coverage = coverage;
        this.riskAcceptances = riskAcceptances;
        this.openMeasures = openMeasures;
        this.openCounts = new OpenMeasuresKeeper(openMeasures);
    }

    @EventHandler
    void on(CloudServiceRegistered event, @Timestamp Instant at) {
        classify(event.cloudServiceId().value(), Classification.UNCLASSIFIED, at);
    }

    @EventHandler
    void on(ClassificationSet event, @Timestamp Instant at) {
        classify(event.cloudServiceId().value(), event.classification(), at);
    }

    @EventHandler
    void on(EvidenceReceived event, @Timestamp Instant at, @MetaDataValue(EventMetaData.ACTOR) String actor) {
        String serviceId = event.cloudServiceId().value();
        String evidenceId = event.evidenceId().value();
        openCounts.before(serviceId);
        evidence.save(new EvidenceEntry(evidenceId, serviceId, event.kind(), event.title(), event.issuer(),
                event.receivedOn(), event.validFrom(), event.validUntil(), event.documentSha256(),
                event.reference(), at, actor));
        coverage.saveAll(event.covers().stream()
                .map(pair -> new CoverageEntry(evidenceId, serviceId, pair, event.validity(), at))
                .toList());
        renewals(serviceId, event.covers(), at);
        openCounts.changed(serviceId, at);
    }

    @EventHandler
    void on(EvidenceWithdrawn event, @Timestamp Instant at) {
        openCounts.before(event.cloudServiceId().value());
        change(event.evidenceId().value(), at, entry -> entry.withdraw(event.reason()));
        List<CoverageEntry> setAside = coverage.countingOfEvidence(event.evidenceId().value());
        setAside.forEach(row -> coverage.save(row.setAsideAt(at)));
        // what it renewed is at stake again, unless other evidence renews that too
        renewals(event.cloudServiceId().value(), setAside.stream().map(CoverageEntry::pair).toList(), at);
        openCounts.changed(event.cloudServiceId().value(), at);
    }

    @EventHandler
    void on(EvidenceExpired event, @Timestamp Instant at) {
        change(event.evidenceId().value(), at, entry -> entry.expire(event.expiredOn()));
    }

    @EventHandler
    void on(DocumentAttached event, @Timestamp Instant at) {
        change(event.evidenceId().value(), at, entry -> entry.attach(event.sha256(), event.sizeBytes(),
                event.fileName(), event.mediaType(), at));
    }

    @EventHandler
    void on(ResidualRiskAccepted event, EventMessage<?> message, @Timestamp Instant at,
            @MetaDataValue(EventMetaData.ACTOR) String actor) {
        openCounts.before(event.cloudServiceId().value());
        riskAcceptances.save(new RiskAcceptanceEntry(message.getIdentifier(), event.cloudServiceId().value(),
                new MeasurePhase(event.measureId(), event.phase()), event.riskOwner(), event.motivation(),
                event.validity(), at, actor));
        openCounts.changed(event.cloudServiceId().value(), at);
    }

    @EventHandler
    void on(ProviderChangeRecorded event, @Timestamp Instant at) {
        String serviceId = event.cloudServiceId().value();
        openCounts.before(serviceId);
        for (MeasurePhase pair : event.reopened()) {
            int measureId = pair.measureId().value();
            coverage.countingOfPair(serviceId, measureId, pair.phase()).forEach(row -> coverage.save(row.setAsideAt(at)));
            riskAcceptances.countingOfPair(serviceId, measureId, pair.phase())
                    .forEach(row -> riskAcceptances.save(row.setAsideAt(at)));
        }
        openCounts.changed(serviceId, at);
    }

    @ResetHandler
    void reset() {
        openMeasures.deleteAllInBatch();
        riskAcceptances.deleteAllInBatch();
        coverage.deleteAllInBatch();
        evidence.deleteAllInBatch();
        applicable.deleteAllInBatch();
    }

    /** Closes the measures that no longer apply and opens those that now do; the rest carry on. */
    private void classify(String serviceId, Classification classification, Instant at) {
        openCounts.before(serviceId);
        Set<MeasurePhase> wanted = new HashSet<>(catalogue.applicablePairs(classification));
        for (ApplicableMeasure row : applicable.current(serviceId)) {
            if (!wanted.remove(row.pair())) {
                row.close(at);
            }
        }
        applicable.saveAll(wanted.stream().sorted().map(pair -> new ApplicableMeasure(serviceId, pair, at)).toList());
        openCounts.changed(serviceId, at);
    }

    /** Applies the renewal rule again to the counting evidence of the (measure, phase) pairs that changed. */
    private void renewals(String serviceId, Collection<MeasurePhase> changed, Instant at) {
        if (changed.isEmpty()) {
            return;
        }
        Map<MeasurePhase, List<CoverageEntry>> counting = coverage.countingOfMeasures(serviceId,
                        changed.stream().map(pair -> pair.measureId().value()).collect(Collectors.toSet())).stream()
                .collect(Collectors.groupingBy(CoverageEntry::pair));
        for (MeasurePhase pair : changed) {
            List<CoverageEntry> ofPair = counting.getOrDefault(pair, List.of());
            for (CoverageEntry row : ofPair) {
                LocalDate renewedFrom = CoverageEntry.renewedFrom(row, ofPair);
                if (!renewedFrom.equals(row.renewedFrom())) {
                    coverage.save(row.renewedFromAt(at, renewedFrom));
                }
            }
        }
    }

    /** Closes the evidence's current version at the event's time and saves the next one with the change. */
    private void change(String evidenceId, Instant at, Consumer<EvidenceEntry> change) {
        evidence.current(evidenceId).ifPresent(current -> {
            EvidenceEntry next = current.next(at);
            change.accept(next);
            evidence.save(next);
        });
    }
}
