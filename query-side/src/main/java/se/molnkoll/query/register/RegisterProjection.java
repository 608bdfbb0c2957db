package se.molnkoll.query.register;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.event.ClassificationSet;
import se.molnkoll.kernel.event.CloudServiceRegistered;
import se.molnkoll.kernel.event.ContractTerminated;
import se.molnkoll.kernel.event.EventMetaData;
import se.molnkoll.kernel.event.OperationStarted;
import se.molnkoll.kernel.event.OwnerChanged;
import se.molnkoll.kernel.event.ServiceArchived;
import se.molnkoll.kernel.event.ServiceDecommissioned;
import se.molnkoll.kernel.event.ServiceModelCorrected;
import se.molnkoll.kernel.event.ServiceMovedToUnit;
import se.molnkoll.kernel.event.ServiceRenamed;
import se.molnkoll.kernel.event.VendorChanged;
import se.molnkoll.query.api.ReadModels;
import se.molnkoll.query.persistence.PerBatch;
import se.molnkoll.query.persistence.ReadModelTables;
import se.molnkoll.query.persistence.RowWrites;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keeps the register of cloud services, one version per change. A batch of events keeps each service's latest
 * version in memory and writes the versions it added and closed together just before it commits
 * ({@link RowWrites}: in a rebuild with {@code COPY}), instead of a query, an insert and an update per event.
 */
@Component
@ProcessingGroup(RegisterProjection.PROCESSING_GROUP)
public class RegisterProjection {

    public static final String PROCESSING_GROUP = ReadModels.REGISTER;

    private final CloudServiceEntries entries;
    @PersistenceContext
    private EntityManager entityManager;
    private final PerBatch<Batch> batches = new PerBatch<>(PROCESSING_GROUP + ".services", Batch::new,
            batch -> batch.writes.write(entityManager), batch -> { });

    public RegisterProjection(CloudServiceEntries entries) {
        this.entries = entries;
    }

    @EventHandler
    void on(CloudServiceRegistered event, @Timestamp Instant recordedAt, @MetaDataValue(EventMetaData.ACTOR) String actor) {
        CloudServiceEntry registered = new CloudServiceEntry(event.cloudServiceId().value(), event.name(), event.vendor(),
                event.serviceModel(), event.organisationUnit(), event.owner(), recordedAt, actor);
        batches.add(batch -> batch.latest.put(registered.serviceId(), batch.writes.added(registered)));
    }

    @EventHandler
    void on(ClassificationSet event, @Timestamp Instant recordedAt) {
        change(event.cloudServiceId().value(), recordedAt, entry -> entry.classify(event.classification()));
    }

    @EventHandler
    void on(OperationStarted event, @Timestamp Instant recordedAt) {
        change(event.cloudServiceId().value(), recordedAt, entry -> entry.enter(Phase.OPERATE));
    }

    @EventHandler
    void on(ContractTerminated event, @Timestamp Instant recordedAt) {
        change(event.cloudServiceId().value(), recordedAt, entry -> entry.enter(Phase.EXIT));
    }

    @EventHandler
    void on(ServiceDecommissioned event, @Timestamp Instant recordedAt) {
        change(event.cloudServiceId().value(), recordedAt, CloudServiceEntry::decommission);
    }

    @EventHandler
    void on(ServiceArchived event, @Timestamp Instant recordedAt) {
        change(event.cloudServiceId().value(), recordedAt, entry -> entry.archive(event.reason()));
    }

    @EventHandler
    void on(ServiceRenamed event, @Timestamp Instant recordedAt) {
        change(event.cloudServiceId().value(), recordedAt, entry -> entry.rename(event.after()));
    }

    @EventHandler
    void on(VendorChanged event, @Timestamp Instant recordedAt) {
        change(event.cloudServiceId().value(), recordedAt, entry -> entry.changeVendor(event.after()));
    }

    @EventHandler
    void on(ServiceModelCorrected event, @Timestamp Instant recordedAt) {
        change(event.cloudServiceId().value(), recordedAt, entry -> entry.correctServiceModel(event.after()));
    }

    @EventHandler
    void on(ServiceMovedToUnit event, @Timestamp Instant recordedAt) {
        change(event.cloudServiceId().value(), recordedAt, entry -> entry.moveTo(event.after()));
    }

    @EventHandler
    void on(OwnerChanged event, @Timestamp Instant recordedAt) {
        change(event.cloudServiceId().value(), recordedAt, entry -> entry.changeOwner(event.after()));
    }

    @ResetHandler
    void reset() {
        ReadModelTables.empty(entityManager, CloudServiceEntry.class);
    }

    /** Closes the latest version at the event's time and adds the next one with the change. */
    private void change(String serviceId, Instant at, Consumer<CloudServiceEntry> change) {
        batches.add(batch -> {
            CloudServiceEntry latest = batch.latest.computeIfAbsent(serviceId, this::stored);
            CloudServiceEntry next = latest.next(at);
            change.accept(next);
            batch.latest.put(serviceId, batch.writes.next(latest, next));
        });
    }

    /** The service's current version, from the database (earlier batches); its closing is written by {@link RowWrites}. */
    private CloudServiceEntry stored(String serviceId) {
        CloudServiceEntry current = entries.current(serviceId).orElseThrow(() -> new IllegalStateException(
                "Register has no cloud service " + serviceId + "; its registration must be processed first"));
        entityManager.detach(current);
        return current;
    }

    /** What one batch of events has changed so far. */
    private static final class Batch {
        final RowWrites writes = new RowWrites();
        /** Each service's latest version in the batch: not in the database until the batch writes. */
        final Map<String, CloudServiceEntry> latest = new HashMap<>();
    }
}
