package se.molnkoll.query;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.event.CloudServiceEvent;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.FindDashboard;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.testing.MutableClock;
import se.molnkoll.query.audit.AuditTrailProjection;
import se.molnkoll.query.certificates.CertificateQueries;
import se.molnkoll.query.measures.MeasureStatusProjection;
import se.molnkoll.query.register.RegisterProjection;
import se.molnkoll.query.service.CloudServiceQueries;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static se.molnkoll.kernel.Phase.ACQUIRE;
import static se.molnkoll.query.Histories.classified;
import static se.molnkoll.query.Histories.evidence;
import static se.molnkoll.query.Histories.pair;
import static se.molnkoll.query.Histories.patientData;
import static se.molnkoll.query.Histories.publicInformation;
import static se.molnkoll.query.Histories.registered;

/**
 * A rough benchmark, not a test: how long a service view and the portfolio dashboard take now and as
 * of a past moment, on the embedded H2 with the Flyway schema, for one service with 10,000 events and
 * 10,000 services. It prints its timings and asserts nothing, so it is tagged "benchmark" and left out
 * of every test run. Run it with
 * {@code ./mvnw -pl query-side -am test -Dtest=AsOfBenchmark -Dmolnkoll.test.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({RegisterProjection.class, MeasureStatusProjection.class, AuditTrailProjection.class, CloudServiceQueries.class, se.molnkoll.query.followup.FollowUpQueries.class,
        se.molnkoll.query.followup.FollowUpProjection.class,
        CertificateQueries.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class AsOfBenchmark {

    @Autowired RegisterProjection register;
    @Autowired MeasureStatusProjection measures;
    @Autowired AuditTrailProjection audit;
    @Autowired CloudServiceQueries queries;
    @Autowired MutableClock clock;
    @Autowired org.springframework.transaction.PlatformTransactionManager tx;

    @Test
    void service_view_and_dashboard_now_and_as_of_a_past_moment() {
        EventStream events = new EventStream(clock, register, measures, audit);
        var template = new org.springframework.transaction.support.TransactionTemplate(tx);
        CloudServiceId big = CloudServiceId.random();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        clock.set(start);
        template.executeWithoutResult(t -> events.publish(registered(big, "Stor"), classified(big, patientData())));
        Instant middle = null;
        for (int batch = 0; batch < 100; batch++) {
            List<CloudServiceEvent> list = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int n = batch * 100 + i;
                list.add(n % 10 == 0 ? classified(big, n % 20 == 0 ? publicInformation() : patientData())
                        : evidence(big, EvidenceId.of(UUID.randomUUID().toString()), null,
                        LocalDate.of(2026, 1, 1).plusDays(n % 700), pair(27, ACQUIRE)));
            }
            clock.set(start.plusSeconds(60L * batch));
            if (batch == 50) middle = clock.instant();
            template.executeWithoutResult(t -> events.publish(list.toArray(CloudServiceEvent[]::new)));
        }
        clock.set(Instant.parse("2026-06-01T10:00:00Z"));
        Instant past = middle;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            queries.handle(new FindCloudService(big));
            long t1 = System.nanoTime();
            queries.handle(new FindCloudService(big, Moment.knownAt(past)));
            long t2 = System.nanoTime();
            System.out.printf("BENCHMARK one service with 10,000 events: now %d ms, as of a past moment %d ms%n", (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000);
        }
        // 10,000 services with a few events each
        for (int batch = 0; batch < 100; batch++) {
            clock.set(start.plusSeconds(3600L * batch));
            List<CloudServiceEvent> list = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                CloudServiceId s = CloudServiceId.random();
                list.add(registered(s, "Tjänst"));
                list.add(classified(s, i % 2 == 0 ? patientData() : publicInformation()));
                list.add(evidence(s, EvidenceId.of(UUID.randomUUID().toString()), null,
                        LocalDate.of(2026, 1, 1).plusDays(i * 7), pair(27, ACQUIRE), pair(29, ACQUIRE)));
            }
            template.executeWithoutResult(t -> events.publish(list.toArray(CloudServiceEvent[]::new)));
        }
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            queries.handle(new FindDashboard(60, Moment.NOW));
            long t1 = System.nanoTime();
            queries.handle(new FindDashboard(60, Moment.knownAt(start.plusSeconds(3600L * 50))));
            long t2 = System.nanoTime();
            System.out.printf("BENCHMARK dashboard over 10,000 services: now %d ms, as of a past moment %d ms%n", (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000);
        }
    }
}
