package se.molnkoll.query.measures;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.event.ClassificationSet;
import se.molnkoll.kernel.event.CloudServiceEvent;
import se.molnkoll.kernel.event.CloudServiceRegistered;
import se.molnkoll.kernel.event.DocumentAttached;
import se.molnkoll.kernel.event.EventMetaData;
import se.molnkoll.kernel.event.EvidenceExpired;
import se.molnkoll.kernel.event.EvidenceReceived;
import se.molnkoll.kernel.event.EvidenceWithdrawn;
import se.molnkoll.kernel.event.ProviderChangeRecorded;
import se.molnkoll.kernel.event.RiskAcceptanceApproved;
import se.molnkoll.kernel.event.ReviewFellDue;
import se.molnkoll.kernel.event.ReviewRecorded;
import se.molnkoll.kernel.event.RiskAcceptanceEnded;
import se.molnkoll.kernel.event.RiskAcceptanceRevoked;
import se.molnkoll.kernel.event.RiskAnalysisReopened;
import se.molnkoll.kernel.event.ResidualRiskAccepted;
import se.molnkoll.kernel.event.ServiceArchived;
import se.molnkoll.kernel.event.ServiceDecommissioned;
import se.molnkoll.query.api.ReadModels;
import se.molnkoll.query.persistence.PerBatch;
import se.molnkoll.query.persistence.ReadModelTables;
import se.molnkoll.query.persistence.RowWrites;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Keeps, per service, the applicable measures and what counts towards them, each change as a new
 * version at the event's recorded time. It stores no statuses: a status depends on the day it is
 * asked for, so the query handlers compute it.
 * <p>
 * Each service's current rows are held in memory between events ({@link ServicesInMemory}), so that an
 * event is applied without reading the database; the rows a batch of events adds and closes are written
 * together just before the batch commits ({@link RowWrites}). A batch that rolls back forgets its
 * services, which are read again from the database when their next event comes.
 */
@Component
@ProcessingGroup(MeasureStatusProjection.PROCESSING_GROUP)
@EnableConfigurationProperties(MeasuresMemoryProperties.class)
public class MeasureStatusProjection implements se.molnkoll.query.persistence.RowsInMemory {

    public static final String PROCESSING_GROUP = ReadModels.MEASURES;

    private final MeasureCatalogue catalogue;
    private final ApplicableMeasures applicable;
    private final EvidenceEntries evidence;
    private final CoverageEntries coverage;
    private final RiskAcceptanceEntries riskAcceptances;
    private final OpenMeasuresSteps openMeasures;
    private final CertificatesAtStake certificates;
    private final ReviewDueEntries reviewsDue;
    private final ServicesInMemory services;
    private final PerBatch<Batch> batches;
    @PersistenceContext
    private EntityManager entityManager;

    public MeasureStatusProjection(MeasureCatalogue catalogue, ApplicableMeasures applicable,
                                   EvidenceEntries evidence, CoverageEntries coverage,
                                   RiskAcceptanceEntries riskAcceptances, OpenMeasuresSteps openMeasures,
                                   CertificatesAtStake certificates, ReviewDueEntries reviewsDue,
                                   MeasuresMemoryProperties memory) {
        this.reviewsDue = reviewsDue;
        this.catalogue = catalogue;
        this.applicable = applicable;
        this.evidence = evidence;
        this.coverage = coverage;
        this.riskAcceptances = riskAcceptances;
        this.openMeasures = openMeasures;
        this.certificates = certificates;
        this.services = ServicesInMemory.bounded(memory.rowsInMemory());
        this.batches = new PerBatch<>(PROCESSING_GROUP, Batch::new, Batch::write,
                batch -> services.forget(batch.services));
    }

    @EventHandler
    void on(CloudServiceRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        classify(event, sequence, Classification.UNCLASSIFIED, at);
    }

    @EventHandler
    void on(ClassificationSet event, @SequenceNumber long sequence, @Timestamp Instant at) {
        classify(event, sequence, event.classification(), at);
    }

    @EventHandler
    void on(EvidenceReceived event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(EventMetaData.ACTOR) String actor) {
        String serviceId = event.cloudServiceId().value();
        String evidenceId = event.evidenceId().value();
        changeService(event, sequence, (batch, service) -> {
            batch.evidence(new EvidenceEntry(evidenceId, serviceId, event.kind(), event.title(), event.issuer(),
                    event.receivedOn(), event.validFrom(), event.validUntil(), event.documentSha256(),
                    event.reference(), at, actor));
            service.counts(event.covers().stream()
                    .map(pair -> new CoverageEntry(evidenceId, serviceId, pair, event.validity(), at))
                    .toList(), at, batch.writes);
        });
    }

    @EventHandler
    void on(EvidenceWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeService(event, sequence, (batch, service) -> {
            batch.change(event.evidenceId().value(), at, entry -> entry.withdraw(event.reason()));
            service.withdrawn(event.evidenceId().value(), at, batch.writes);
        });
    }

    @EventHandler
    void on(EvidenceExpired event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeEvidence(event, sequence, batch ->
                batch.change(event.evidenceId().value(), at, entry -> entry.expire(event.expiredOn())));
    }

    @EventHandler
    void on(DocumentAttached event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeEvidence(event, sequence, batch -> batch.change(event.evidenceId().value(), at, entry ->
                entry.attach(event.sha256(), event.sizeBytes(), event.fileName(), event.mediaType(), at)));
    }

    @EventHandler
    void on(ResidualRiskAccepted event, EventMessage<?> message, @SequenceNumber long sequence,
            @Timestamp Instant at, @MetaDataValue(EventMetaData.ACTOR) String actor) {
        changeService(event, sequence, (batch, service) -> service.accepted(new RiskAcceptanceEntry(message.getIdentifier(),
                event.cloudServiceId().value(), new MeasurePhase(event.measureId(), event.phase()), event.riskOwner(),
                event.motivation(), event.validity(), at, actor), at, batch.writes));
    }

    @EventHandler
    void on(RiskAcceptanceApproved event, EventMessage<?> message, @SequenceNumber long sequence,
            @Timestamp Instant at, @MetaDataValue(EventMetaData.ACTOR) String actor) {
        changeService(event, sequence, (batch, service) -> service.accepted(RiskAcceptanceEntry.approved(
                message.getIdentifier(), event.cloudServiceId().value(), new MeasurePhase(event.measureId(), event.phase()),
                event.proposalId(), event.residualRisk(), event.motivation(), event.proposedBy(), event.approvedBy(),
                event.note(), event.validity(), at, actor), at, batch.writes));
    }

    @EventHandler
    void on(RiskAcceptanceEnded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeService(event, sequence, (batch, service) -> service.ended(event.proposalId(), event.endedOn(), at, batch.writes));
    }

    @EventHandler
    void on(ReviewFellDue event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeService(event, sequence, (batch, service) -> service.reviewFellDue(
                new MeasurePhase(event.measureId(), event.phase()), event.from(), at, batch.writes));
    }

    @EventHandler
    void on(ReviewRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeService(event, sequence, (batch, service) -> service.reviewed(
                new MeasurePhase(event.measureId(), event.phase()), event.reviewedOn(), at, batch.writes));
    }

    @EventHandler
    void on(ServiceArchived event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeService(event, sequence, (batch, service) -> service.decommissioned(at, batch.writes));
    }

    @EventHandler
    void on(RiskAcceptanceRevoked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeService(event, sequence, (batch, service) -> service.revoked(new MeasurePhase(event.measureId(), event.phase()),
                event.revokedFrom(), event.reason(), at, batch.writes));
    }

    @EventHandler
    void on(ProviderChangeRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeService(event, sequence, (batch, service) -> service.reopened(Set.copyOf(event.reopened()), at, batch.writes));
    }

    @EventHandler
    void on(RiskAnalysisReopened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeService(event, sequence, (batch, service) -> service.reopened(Set.copyOf(event.reopened()), at, batch.writes));
    }

    @EventHandler
    void on(ServiceDecommissioned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeService(event, sequence, (batch, service) -> service.decommissioned(at, batch.writes));
    }

    /** Every other event of a service: it changes nothing here, but the rows held still follow on. */
    @EventHandler
    void on(CloudServiceEvent event, @SequenceNumber long sequence) {
        services.passed(event.cloudServiceId().value(), sequence);
    }

    @Override
    public void makeRoom() {
        services.shareAtMost(0.1);
    }

    @Override
    public void takeRoomBack() {
        services.shareAtMost(1);
    }

    @Override
    public void letGo() {
        services.letGo();
    }

    @ResetHandler
    void reset() {
        services.forgetAll();
        ReadModelTables.empty(entityManager, ReviewDueEntry.class, CertificateAtStake.class, OpenMeasuresStep.class, RiskAcceptanceEntry.class,
                CoverageEntry.class, EvidenceEntry.class, ApplicableMeasure.class);
    }

    private void classify(CloudServiceEvent event, long sequence, Classification classification, Instant at) {
        changeService(event, sequence, (batch, service) ->
                service.applies(catalogue.applicablePairs(classification), at, batch.writes));
    }

    /** Applies, in the processor's batch, an event that changes the service's measures rows. */
    private void changeService(CloudServiceEvent event, long sequence, Change change) {
        String serviceId = event.cloudServiceId().value();
        batches.add(batch -> {
            batch.services.add(serviceId);
            change.apply(batch, services.forEvent(serviceId, sequence, () -> load(serviceId)));
        });
    }

    /** Applies, in the processor's batch, an event that changes only a piece of evidence. */
    private void changeEvidence(CloudServiceEvent event, long sequence, Consumer<Batch> change) {
        String serviceId = event.cloudServiceId().value();
        batches.add(batch -> {
            batch.services.add(serviceId);
            services.passed(serviceId, sequence);
            change.accept(batch);
        });
    }

    /** The service's current rows, from the database. */
    private ServiceMeasures load(String serviceId) {
        List<ApplicableMeasure> measures = applicable.current(serviceId);
        List<CoverageEntry> counting = coverage.countingOfService(serviceId);
        List<RiskAcceptanceEntry> accepted = riskAcceptances.countingOfService(serviceId);
        List<OpenMeasuresStep> steps = openMeasures.current(List.of(serviceId));
        List<CertificateAtStake> atStake = certificates.current(serviceId);
        List<ReviewDueEntry> due = reviewsDue.currentOfService(serviceId);
        // changes to them are written by RowWrites; Hibernate is not to write them again
        Stream.of(measures, counting, accepted, steps, atStake, due).flatMap(List::stream).forEach(entityManager::detach);
        return new ServiceMeasures(serviceId, measures, counting, accepted, steps, atStake, due);
    }

    @FunctionalInterface
    private interface Change {
        void apply(Batch batch, ServiceMeasures service);
    }

    /** What one batch of events has changed so far. */
    private final class Batch {
        final RowWrites writes = new RowWrites();
        final Set<String> services = new HashSet<>();
        /** The latest version of each piece of evidence the batch has, not in the database until the batch writes. */
        final Map<String, EvidenceEntry> evidence = new HashMap<>();
        /** Changes of evidence from before the batch, in order: applied when the batch writes, after one query for all. */
        final Map<String, List<Consumer<EvidenceEntry>>> evidenceChanges = new LinkedHashMap<>();

        Batch() {
            MeasureStatusProjection.this.services.inGeneration(ReadModelTables.generation(entityManager));
        }

        void evidence(EvidenceEntry entry) {
            evidence.put(entry.evidenceId(), writes.added(entry));
        }

        /** Closes the evidence's current version at the event's time and adds the next one with the change. */
        void change(String evidenceId, Instant at, Consumer<EvidenceEntry> change) {
            Consumer<EvidenceEntry> next = current -> {
                EvidenceEntry version = writes.next(current, current.next(at));
                change.accept(version);
                evidence.put(evidenceId, version);
            };
            EvidenceEntry current = evidence.get(evidenceId);
            if (current != null) {
                next.accept(current);
            } else {
                evidenceChanges.computeIfAbsent(evidenceId, id -> new ArrayList<>()).add(next);
            }
        }

        void write() {
            if (!evidenceChanges.isEmpty()) {
                for (EvidenceEntry stored : MeasureStatusProjection.this.evidence.currentOf(evidenceChanges.keySet())) {
                    entityManager.detach(stored); // its closing is written by RowWrites
                    String id = stored.evidenceId();
                    evidenceChanges.get(id).forEach(change -> change.accept(evidence.getOrDefault(id, stored)));
                }
                evidenceChanges.clear();
            }
            writes.write(entityManager);
            MeasureStatusProjection.this.services.written(services);
        }
    }
}
