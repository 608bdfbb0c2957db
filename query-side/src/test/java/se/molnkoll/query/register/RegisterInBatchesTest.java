package se.molnkoll.query.register;

import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.event.CloudServiceEvent;
import se.molnkoll.kernel.event.ContractTerminated;
import se.molnkoll.kernel.event.EventMetaData;
import se.molnkoll.kernel.event.OperationStarted;
import se.molnkoll.kernel.event.OwnerChanged;
import se.molnkoll.kernel.event.ServiceRenamed;
import se.molnkoll.kernel.testing.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.query.Histories.classified;
import static se.molnkoll.query.Histories.patientData;
import static se.molnkoll.query.Histories.registered;
import static se.molnkoll.query.QueryTestApplication.TODAY;

/**
 * The register writes a batch's versions together: a service whose whole history is one batch (a rebuild) ends with
 * the very versions of one whose events each came in a batch of their own (commands one at a time), at every
 * moment; a version that began and ended at one instant is in neither.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(RegisterProjection.class)
class RegisterInBatchesTest {

    @Autowired RegisterProjection register;
    @Autowired CloudServiceEntries entries;
    @Autowired MutableClock clock;
    @Autowired EntityManager entityManager;
    long position;

    static List<CloudServiceEvent> history(CloudServiceId id) {
        return List.of(registered(id, "Journal"), classified(id, patientData()),
                new ServiceRenamed(id, "Journal", "Journalen", "stavning"),
                new OwnerChanged(id, "Ägare 1", "Ägare 2", "omorganisation"),
                new OperationStarted(id, TODAY),
                new ContractTerminated(id, TODAY.plusDays(30), "upphandlas"));
    }

    @Test
    void one_batch_for_the_whole_history_writes_the_versions_of_a_batch_per_event() {
        CloudServiceId alone = CloudServiceId.random();
        CloudServiceId together = CloudServiceId.random();
        List<CloudServiceEvent> a = history(alone);
        List<CloudServiceEvent> b = history(together);
        Instant start = TODAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        List<Instant> moments = new ArrayList<>();
        UnitOfWork<?> batch = null;
        for (int sequence = 0; sequence < a.size(); sequence++) {
            // the renaming and the owner change at one instant, as a command's clock resolution can make them
            clock.set(start.plus(Duration.ofHours(sequence == 3 ? 2 : sequence)));
            moments.add(clock.instant());
            handle(a.get(sequence), sequence);
            if (batch == null) batch = DefaultUnitOfWork.startAndGet(null);
            handle(b.get(sequence), sequence);
        }
        batch.commit();
        entityManager.clear();

        for (Instant at : moments) {
            assertThat(entries.at(together.value(), at)).get().as("known at %s", at).usingRecursiveComparison()
                    .ignoringFields("rowId", "serviceId").isEqualTo(entries.at(alone.value(), at).orElseThrow());
        }
        assertThat(entries.current(together.value())).get().usingRecursiveComparison().ignoringFields("rowId", "serviceId")
                .isEqualTo(entries.current(alone.value()).orElseThrow());
        assertThat(versions(together)).as("a version per change but the one that lasted no time")
                .isEqualTo(versions(alone)).isEqualTo(a.size() - 1);
        assertThat(entries.findAll()).noneMatch(row -> row.recordedFrom().equals(row.recordedTo()));
        assertThat(entries.current(together.value()).orElseThrow().name()).isEqualTo("Journalen");
    }

    private long versions(CloudServiceId id) {
        return entries.findAll().stream().filter(row -> row.serviceId().equals(id.value())).count();
    }

    private void handle(CloudServiceEvent event, long sequence) {
        var domainEvent = new GenericDomainEventMessage<>("CloudService", event.cloudServiceId().value(), sequence, event,
                MetaData.with(EventMetaData.ACTOR, "anna"), UUID.randomUUID().toString(), clock.instant());
        EventMessage<?> tracked = new GenericTrackedDomainEventMessage<>(
                GapAwareTrackingToken.newInstance(++position, List.of()), domainEvent);
        try {
            new AnnotationEventHandlerAdapter(register).handle(tracked);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
