package se.molnkoll.faults;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.molnkoll.support.Api;
import se.molnkoll.support.PostgresDatabase;
import se.molnkoll.support.ProcessMolnkoll;
import se.molnkoll.support.ReadModelContent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild of the read models, killed with SIGKILL part way: after a restart it carries on from
 * where the replay's tokens stood, and ends with exactly the read models it started from.
 */
class KillDuringRebuildIT {

    private static final int COMMANDS = 3_000;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void a_rebuild_killed_part_way_resumes_after_a_restart_and_ends_with_the_same_read_models() throws Exception {
        PostgresDatabase.Database database = PostgresDatabase.create();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(), database.password()));
        try (ProcessMolnkoll solo = ProcessMolnkoll.start("solo", database)) {
            Api manager = solo.api().as("manager");
            List<String> services = new ArrayList<>();
            for (int s = 0; s < 30; s++) {
                services.add(Commands.service(manager, "Tjänst " + s));
            }
            ExecutorService clients = Executors.newFixedThreadPool(8);
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                running.add(clients.submit(() -> {
                    for (int n = next.getAndIncrement(); n < COMMANDS; n = next.getAndIncrement()) {
                        assertThat(Commands.recordEvidence(manager, services.get(n % services.size()), "Intyg " + n))
                                .isEqualTo(Commands.Outcome.ACCEPTED);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(10, TimeUnit.MINUTES);
            }
            clients.shutdown();
            await().atMost(Duration.ofMinutes(2)).until(() -> Commands.caughtUp(jdbc));
            Map<String, List<String>> before = ReadModelContent.of(jdbc);
            long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

            Api admin = solo.api().as("admin");
            assertThat(admin.post("/api/admin/rebuild", null).status()).isEqualTo(202);
            // the read models are reset (nothing done), then replayed: kill it a fifth of the way in
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10))
                    .until(() -> admin.get("/api/admin/rebuild").json().get("eventsDone").asLong() < events / 5);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10))
                    .until(() -> admin.get("/api/admin/rebuild").json().get("eventsDone").asLong() >= events / 5);
            solo.kill();
            assertThat(Commands.caughtUp(jdbc)).as("killed part way through the replay").isFalse();
            assertThat(ReadModelContent.of(jdbc)).as("the read models are part rebuilt").isNotEqualTo(before);

            solo.start();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Commands.caughtUp(jdbc) && !admin.get("/api/admin/rebuild").json().get("state").asText().equals("RUNNING"));
            assertThat(ReadModelContent.of(jdbc)).isEqualTo(before);
            assertThat(solo.api().anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
        }
    }
}
