package se.molnkoll.query.measures;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.event.CloudServiceEvent;
import se.molnkoll.kernel.event.EventMetaData;
import se.molnkoll.kernel.event.EvidenceWithdrawn;
import se.molnkoll.kernel.event.ProviderChangeRecorded;
import se.molnkoll.kernel.query.CloudServiceSummary;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.FindCloudServices;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.testing.MutableClock;
import se.molnkoll.query.audit.AuditTrailProjection;
import se.molnkoll.query.certificates.CertificateQueries;
import se.molnkoll.query.persistence.VersionedRow;
import se.molnkoll.query.register.RegisterProjection;
import se.molnkoll.query.service.CloudServiceQueries;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.kernel.Phase.ACQUIRE;
import static se.molnkoll.kernel.Phase.OPERATE;
import static se.molnkoll.query.Histories.classified;
import static se.molnkoll.query.Histories.evidence;
import static se.molnkoll.query.Histories.pair;
import static se.molnkoll.query.Histories.patientData;
import static se.molnkoll.query.Histories.registered;
import static se.molnkoll.query.Histories.riskAccepted;
import static se.molnkoll.query.QueryTestApplication.TODAY;

/**
 * The measures projection holds each service's current rows in memory between events. When some of a
 * service's events were handled elsewhere (another instance held its segment) or a batch rolled back,
 * what it holds is stale: it must read the rows again and end up exactly where one projection that saw
 * every event ends up. Each case runs one history twice, on two services: straight through one
 * projection, and with the disturbance; the two services must then read the same at every moment.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({RegisterProjection.class, MeasureStatusProjection.class, AuditTrailProjection.class, CloudServiceQueries.class, se.molnkoll.query.followup.FollowUpQueries.class,
        se.molnkoll.query.followup.FollowUpProjection.class,
        CertificateQueries.class})
class MeasuresHeldInMemoryTest {

    @Autowired RegisterProjection register;
    @Autowired MeasureStatusProjection one;
    @Autowired AutowireCapableBeanFactory beans;
    @Autowired CloudServiceQueries queries;
    @Autowired CertificateQueries certificates;
    @Autowired MutableClock clock;
    @Autowired MeasureCatalogue catalogue;
    @Autowired ApplicableMeasures applicable;
    @Autowired EvidenceEntries evidence;
    @Autowired CoverageEntries coverage;
    @Autowired ReviewDueEntries reviewsDue;
    @Autowired RiskAcceptanceEntries riskAcceptances;
    @Autowired OpenMeasuresSteps steps;
    @Autowired CertificatesAtStake atStake;

    MeasureStatusProjection other;
    final List<Instant> moments = new ArrayList<>();
    long position;

    @BeforeEach
    void setUp() {
        clock.set(TODAY);
        other = beans.createBean(MeasureStatusProjection.class);
    }

    /** Eight events that add, renew, withdraw, re-open and accept. */
    static List<CloudServiceEvent> history(CloudServiceId id) {
        EvidenceId first = EvidenceId.of(UUID.randomUUID().toString());
        EvidenceId renewal = EvidenceId.of(UUID.randomUUID().toString());
        EvidenceId later = EvidenceId.of(UUID.randomUUID().toString());
        return List.of(
                registered(id, "Journal"),
                classified(id, patientData()),
                evidence(id, first, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 30), pair(27, ACQUIRE), pair(38, OPERATE)),
                evidence(id, renewal, LocalDate.of(2026, 4, 20), LocalDate.of(2027, 4, 30), pair(27, ACQUIRE)),
                riskAccepted(id, 8, ACQUIRE, LocalDate.of(2026, 12, 31)),
                new EvidenceWithdrawn(id, renewal, "fel dokument"),
                new ProviderChangeRecorded(id, "ny underleverantör", TODAY, List.of(pair(38, OPERATE), pair(8, ACQUIRE))),
                evidence(id, later, LocalDate.of(2026, 3, 1), null, pair(38, OPERATE)));
    }

    @Test
    void events_of_a_service_that_another_instance_handled_are_read_back_from_the_database() {
        // the other instance handles the service's events 3 and 4 (its segment moved there and back)
        assertSameAsStraightThrough(sequence -> sequence == 3 || sequence == 4 ? Step.OTHER : Step.ONE);
    }

    @Test
    void a_batch_that_rolled_back_is_forgotten_even_when_another_instance_then_handled_its_events() {
        // event 5 rolls back in this instance, the other instance handles it, then this one goes on with 6
        assertSameAsStraightThrough(sequence -> sequence == 5 ? Step.ROLLED_BACK_THEN_OTHER : Step.ONE);
    }

    @Test
    void a_read_model_reset_elsewhere_starts_each_service_afresh_at_its_first_event() {
        // the whole history once through this instance, then again from event 0 (a replay)
        assertSameAsStraightThrough(sequence -> Step.ONE_TWICE);
    }

    @Test
    void a_service_a_batch_changed_is_held_until_the_batch_has_written_even_beyond_the_bound() {
        // room for one row only: every other service's event would push the service out of memory
        MeasureStatusProjection tiny = new MeasureStatusProjection(catalogue, applicable, evidence, coverage,
                riskAcceptances, steps, atStake, reviewsDue, new MeasuresMemoryProperties(1));
        beans.autowireBean(tiny);
        CloudServiceId straight = CloudServiceId.random();
        CloudServiceId disturbed = CloudServiceId.random();
        List<CloudServiceEvent> a = history(straight);
        List<CloudServiceEvent> b = history(disturbed);
        UnitOfWork<?> batch = null;
        for (int sequence = 0; sequence < a.size(); sequence++) {
            clock.set(TODAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plus(Duration.ofHours(sequence + 1)));
            moments.add(clock.instant());
            handle(register, a.get(sequence), sequence, false);
            handle(one, a.get(sequence), sequence, false);
            if (batch == null) {
                batch = DefaultUnitOfWork.startAndGet(null); // the disturbed service's whole history is one batch
            }
            handle(register, b.get(sequence), sequence, false);
            handle(tiny, b.get(sequence), sequence, false);
            CloudServiceId another = CloudServiceId.random();
            handle(register, registered(another, "Annan"), 0, false);
            handle(tiny, registered(another, "Annan"), 0, false);
        }
        batch.commit();
        assertSameAtEveryMoment(disturbed, straight);
    }

    enum Step { ONE, OTHER, ROLLED_BACK_THEN_OTHER, ONE_TWICE }

    /** At each moment recorded, and now, the disturbed service's read model reads as the straight one's. */
    private void assertSameAtEveryMoment(CloudServiceId disturbed, CloudServiceId straight) {
        moments.add(null);
        for (Instant at : moments) {
            Moment moment = at == null ? Moment.NOW : Moment.knownAt(at.plusSeconds(1));
            assertThat(measures(disturbed, moment)).as("measures known at %s", at).isEqualTo(measures(straight, moment));
            assertThat(openCounts(disturbed, moment)).as("open counts known at %s", at).isEqualTo(openCounts(straight, moment));
            assertThat(certificates(disturbed, moment)).as("certificates known at %s", at).isEqualTo(certificates(straight, moment));
        }
    }

    private void assertSameAsStraightThrough(Function<Integer, Step> disturbance) {
        CloudServiceId straight = CloudServiceId.random();
        CloudServiceId disturbed = CloudServiceId.random();
        List<CloudServiceEvent> a = history(straight);
        List<CloudServiceEvent> b = history(disturbed);
        if (disturbance.apply(0) == Step.ONE_TWICE) {
            // the first pass of the disturbed service, whose rows a reset then empties: a fresh service id
            // cannot be reset alone, so the replay is of the same events under the same id and the first
            // pass's rows are removed as a reset would
            for (int sequence = 0; sequence < b.size(); sequence++) {
                handle(one, b.get(sequence), sequence, false);
            }
            removeMeasuresRowsOf(disturbed);
        }
        for (int sequence = 0; sequence < a.size(); sequence++) {
            clock.set(TODAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plus(Duration.ofHours(sequence + 1)));
            moments.add(clock.instant());
            handle(register, a.get(sequence), sequence, false);
            handle(register, b.get(sequence), sequence, false);
            handle(one, a.get(sequence), sequence, false);
            switch (disturbance.apply(sequence)) {
                case ONE, ONE_TWICE -> handle(one, b.get(sequence), sequence, false);
                case OTHER -> handle(other, b.get(sequence), sequence, false);
                case ROLLED_BACK_THEN_OTHER -> {
                    handle(one, b.get(sequence), sequence, true);
                    handle(other, b.get(sequence), sequence, false);
                }
            }
        }
        assertSameAtEveryMoment(disturbed, straight);
    }

    private List<String> measures(CloudServiceId id, Moment moment) {
        return queries.handle(new FindCloudService(id, moment)).orElseThrow().measures().stream()
                .map(m -> m.measureId() + " " + m.phase() + " " + m.status()).toList();
    }

    /** The service's certificates at stake within a year, without the ids that differ between the two services. */
    private List<String> certificates(CloudServiceId id, Moment moment) {
        return certificates.certificates(null, 365, moment.knownAtOr(VersionedRow.NOW), TODAY).stream()
                .filter(c -> c.serviceId().equals(id))
                .map(c -> c.title() + " " + c.validUntil() + " " + c.status() + " " + c.measureIds()).toList();
    }

    private Map<?, Long> openCounts(CloudServiceId id, Moment moment) {
        return queries.handle(new FindCloudServices(moment)).stream().filter(s -> s.id().equals(id))
                .map(CloudServiceSummary::openMeasures).findFirst().orElseThrow();
    }

    private void removeMeasuresRowsOf(CloudServiceId id) {
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(beans.getBean(javax.sql.DataSource.class));
        for (String table : List.of("certificate_at_stake", "open_measure_step", "risk_acceptance", "evidence_coverage", "evidence", "applicable_measure")) {
            jdbc.update("delete from " + table + " where service_id = ?", id.value());
        }
    }

    /** Through Axon's handler adapter, as a processor does; in a unit of work that rolls back when asked. */
    private void handle(Object projection, CloudServiceEvent event, long sequence, boolean rollBack) {
        var domainEvent = new GenericDomainEventMessage<>("CloudService", event.cloudServiceId().value(), sequence, event,
                MetaData.with(EventMetaData.ACTOR, "anna").and(EventMetaData.CORRELATION_ID, "req-" + position),
                UUID.randomUUID().toString(), clock.instant());
        EventMessage<?> tracked = new GenericTrackedDomainEventMessage<>(
                GapAwareTrackingToken.newInstance(++position, List.of()), domainEvent);
        var adapter = new AnnotationEventHandlerAdapter(projection);
        try {
            if (rollBack) {
                UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(tracked);
                adapter.handle(tracked);
                batch.rollback();
            } else {
                adapter.handle(tracked);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
