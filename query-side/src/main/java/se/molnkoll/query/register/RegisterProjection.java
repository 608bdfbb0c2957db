package se.molnkoll.query.register;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import se.molnkoll.kernel.event.EventMetaData;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.event.ClassificationSet;
import se.molnkoll.kernel.event.CloudServiceRegistered;
import se.molnkoll.kernel.event.ContractTerminated;
import se.molnkoll.kernel.event.OperationStarted;
import se.molnkoll.kernel.event.ServiceDecommissioned;

import java.time.Instant;
import java.util.function.Consumer;

/** Keeps the register of cloud services. */
@Component
@ProcessingGroup(RegisterProjection.PROCESSING_GROUP)
public class RegisterProjection {

    public static final String PROCESSING_GROUP = "register";

    private final CloudServiceEntries entries;

    public RegisterProjection(CloudServiceEntries entries) {
        this.entries = entries;
    }

    @EventHandler
    void on(CloudServiceRegistered event, @Timestamp Instant recordedAt,
            @MetaDataValue(EventMetaData.ACTOR) String actor) {
        entries.save(new CloudServiceEntry(event.cloudServiceId().value(), event.name(), event.vendor(),
                event.serviceModel(), event.organisationUnit(), event.owner(), recordedAt, actor));
    }

    @EventHandler
    void on(ClassificationSet event, @Timestamp Instant recordedAt) {
        update(event.cloudServiceId().value(), entry -> entry.classify(event.classification(), recordedAt));
    }

    @EventHandler
    void on(OperationStarted event, @Timestamp Instant recordedAt) {
        update(event.cloudServiceId().value(), entry -> entry.enter(Phase.OPERATE, recordedAt));
    }

    @EventHandler
    void on(ContractTerminated event, @Timestamp Instant recordedAt) {
        update(event.cloudServiceId().value(), entry -> entry.enter(Phase.EXIT, recordedAt));
    }

    @EventHandler
    void on(ServiceDecommissioned event, @Timestamp Instant recordedAt) {
        update(event.cloudServiceId().value(), entry -> entry.decommission(recordedAt));
    }

    @ResetHandler
    void reset() {
        entries.deleteAllInBatch();
    }

    private void update(String id, Consumer<CloudServiceEntry> change) {
        CloudServiceEntry entry = entries.findById(id).orElseThrow(() -> new IllegalStateException(
                "Register has no cloud service " + id + "; its registration must be processed first"));
        change.accept(entry);
    }
}
