package se.molnkoll.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.molnkoll.support.Api;
import se.molnkoll.support.OwnPostgres;
import se.molnkoll.support.PostgresDatabase;
import se.molnkoll.support.ProcessMolnkoll;
import se.molnkoll.support.ReadModelContent;
import se.molnkoll.support.Rebuilds;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stopped and started again while commands flow, on a server of the test's own: the
 * commands during the outage are refused with 503 problem+json and record nothing, the others are
 * recorded once; Molnkoll reconnects by itself, and its read models end as a rebuild makes them.
 */
class DatabaseRestartIT {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void commands_during_a_database_outage_fail_cleanly_and_molnkoll_reconnects_by_itself() throws Exception {
        try (OwnPostgres postgres = OwnPostgres.start()) {
            PostgresDatabase.Database database = postgres.database("molnkoll");
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(), database.password()));
            try (ProcessMolnkoll solo = ProcessMolnkoll.start("solo", database,
                    "spring.datasource.hikari.connection-timeout=2000")) {
                Api manager = solo.api().as("manager");
                String service = Commands.service(manager, "Tjänst");
                Map<String, Commands.Outcome> outcomes = new ConcurrentHashMap<>();
                AtomicInteger accepted = new AtomicInteger();
                AtomicInteger refused = new AtomicInteger();
                AtomicBoolean go = new AtomicBoolean(true);
                AtomicInteger next = new AtomicInteger();
                ExecutorService clients = Executors.newFixedThreadPool(4);
                List<Future<Object>> running = java.util.stream.IntStream.range(0, 4).mapToObj(c -> clients.submit(() -> {
                    while (go.get()) {
                        String title = "Intyg " + next.getAndIncrement();
                        Commands.Outcome outcome = Commands.recordEvidence(manager, service, title, 503);
                        outcomes.put(title, outcome);
                        (outcome == Commands.Outcome.ACCEPTED ? accepted : refused).incrementAndGet();
                    }
                    return (Object) null;
                })).toList();

                await().atMost(Duration.ofMinutes(2)).until(() -> accepted.get() >= 100);
                postgres.stop();
                int acceptedBeforeOutage = accepted.get();
                await().atMost(Duration.ofMinutes(2)).until(() -> refused.get() >= 10);
                Api.Response readiness = solo.api().anonymous().get("/actuator/health/readiness");
                assertThat(readiness.status()).as("not ready while its database is away: " + readiness).isEqualTo(503);
                postgres.startAgain();
                await().atMost(Duration.ofMinutes(2)).until(() -> accepted.get() >= acceptedBeforeOutage + 100);
                go.set(false);
                for (Future<Object> client : running) {
                    client.get(2, TimeUnit.MINUTES);
                }
                clients.shutdown();

                assertThat(outcomes.values()).doesNotContain(Commands.Outcome.NO_ANSWER);
                Commands.assertExactlyOnce(outcomes, jdbc);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> Commands.caughtUp(jdbc)
                                && solo.api().anonymous().get("/actuator/health/readiness").status() == 200);
                Map<String, List<String>> live = ReadModelContent.of(jdbc);
                Api admin = solo.api().as("admin");
                assertThat(admin.post("/api/admin/rebuild", null).status()).isEqualTo(202);
                assertThat(Rebuilds.awaitEnd(admin, Duration.ofMinutes(3)).get("state").asText()).isEqualTo("DONE");
                assertThat(ReadModelContent.of(jdbc)).isEqualTo(live);
            }
        }
    }
}
