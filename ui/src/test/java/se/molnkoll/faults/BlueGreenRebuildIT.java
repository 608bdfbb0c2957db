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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The blue/green rebuild on PostgreSQL, in real processes: a rebuild killed with SIGKILL while it loads, while it
 * switches and while it catches up leaves the read models that serve as they were, and is taken over and completed
 * after a restart with exactly the read models a rebuild from scratch gives; two instances under continuous reads
 * and writes, one rebuild: both switch, no read sees an empty or partial read model, every write shows.
 */
class BlueGreenRebuildIT {

    private static final String LEASE = "molnkoll.read-models.rebuild.lease=3s";

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void a_rebuild_killed_while_loading_switching_or_catching_up_leaves_the_read_models_serving_and_is_completed_after_a_restart()
            throws Exception {
        PostgresDatabase.Database database = PostgresDatabase.create();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(), database.password()));
        List<String> services = new ArrayList<>();
        Map<String, List<String>> before;
        try (ProcessMolnkoll first = ProcessMolnkoll.start("loading", database, LEASE)) {
            Api manager = first.api().as("manager");
            for (int s = 0; s < 20; s++) {
                services.add(Commands.service(manager, "Tjänst " + s));
            }
            write(manager, services, 1_500, "Intyg ");
            await().atMost(Duration.ofMinutes(2)).until(() -> Commands.caughtUp(jdbc));
            before = ReadModelContent.of(jdbc);

            // loading: killed as soon as it has loaded some of the events there were when it began
            Api admin = first.api().as("admin");
            assertThat(admin.post("/api/admin/rebuild", null).status()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5)).until(() -> {
                JsonNode status = admin.get("/api/admin/rebuild").json();
                return status.get("eventsDone").asLong() > 0 && "LOADING".equals(status.path("phase").asText());
            });
            first.kill();
            assertThat(jdbc.queryForObject("select state from read_model_rebuild", String.class)).as("killed before it switched")
                    .isEqualTo("LOADING");
            assertThat(ReadModelContent.of(jdbc)).as("the read models that serve, untouched by a rebuild killed while loading")
                    .isEqualTo(before);
            assertThat(rebuildTables(jdbc)).as("the rebuild's tables are still there to go on with").isPositive();

            first.start(); // takes its own rebuild over once the lease of the killed process has run out
            assertDoneAndServing(first, jdbc);
            assertThat(ReadModelContent.of(jdbc)).isEqualTo(before);
            assertThat(rebuildTables(jdbc)).isZero();
        }

        // switching: killed inside the switch's transaction, after the tables were moved but before it committed
        try (ProcessMolnkoll second = ProcessMolnkoll.start("switching", database, LEASE,
                "molnkoll.read-models.rebuild.pause-in-switch=60s")) {
            Api admin = second.api().as("admin");
            java.nio.file.Path log = java.nio.file.Path.of("target", "processes", "switching.log");
            long logBefore = java.nio.file.Files.size(log); // the log is appended to, run after run
            assertThat(admin.post("/api/admin/rebuild", null).status()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> "SWITCHING".equals(admin.get("/api/admin/rebuild").json().path("phase").asText()));
            // SWITCHING shows as the switch begins; its pause, after the DDL, inside the transaction, says so in the log
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        byte[] all = java.nio.file.Files.readAllBytes(log);
                        return new String(all, (int) logBefore, all.length - (int) logBefore, java.nio.charset.StandardCharsets.UTF_8)
                                .contains("Switching the read models over: pausing");
                    });
            second.kill();
            assertThat(ReadModelContent.of(jdbc)).as("the switch's transaction rolled back whole").isEqualTo(before);
        }

        Map<String, List<String>> afterKill;
        try (ProcessMolnkoll third = ProcessMolnkoll.start("catching-up", database, LEASE)) {
            assertDoneAndServing(third, jdbc);
            assertThat(ReadModelContent.of(jdbc)).isEqualTo(before);

            // catching up: killed while writers keep adding events behind the rebuild
            Api manager = third.api().as("manager");
            Api admin = third.api().as("admin");
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            AtomicInteger next = new AtomicInteger();
            for (int w = 0; w < 4; w++) {
                writers.submit(() -> {
                    while (writing.get()) {
                        int n = next.getAndIncrement();
                        if (Commands.recordEvidence(manager, services.get(n % services.size()), "Under ombyggnad " + n)
                                == Commands.Outcome.NO_ANSWER) return null;
                    }
                    return null;
                });
            }
            assertThat(admin.post("/api/admin/rebuild", null).status()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(10))
                    .until(() -> "CATCHING_UP".equals(admin.get("/api/admin/rebuild").json().path("phase").asText()));
            third.kill();
            writing.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

            third.start();
            assertDoneAndServing(third, jdbc);
            afterKill = ReadModelContent.of(jdbc);
            assertThat(afterKill.get("audit_entry")).as("every event recorded, in the rebuilt read models")
                    .hasSize(jdbc.queryForObject("select count(*) from domain_event_entry",
                            Integer.class));
            // a rebuild from scratch, with nothing written meanwhile, gives the same rows
            assertThat(admin.post("/api/admin/rebuild", null).status()).isEqualTo(202);
            assertDoneAndServing(third, jdbc);
            assertThat(ReadModelContent.of(jdbc)).isEqualTo(afterKill);

            // killed while loading once more, to be taken over by an instance whose rebuild processors are laid out
            // otherwise (as an earlier version's were: one per read model)
            assertThat(admin.post("/api/admin/rebuild", null).status()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5)).until(() -> {
                JsonNode status = admin.get("/api/admin/rebuild").json();
                return status.get("eventsDone").asLong() > 0 && "LOADING".equals(status.path("phase").asText());
            });
            third.kill();
        }
        assertThat(jdbc.queryForList("select distinct processor_name from token_entry where processor_name like 'rebuild-%'",
                String.class)).as("the positions of the rebuild killed while loading").contains("rebuild-register-measures-audit");

        // audit's processor set apart from register's and measures': its rebuild processor is rebuild-audit
        try (ProcessMolnkoll fourth = ProcessMolnkoll.start("other-layout", database, LEASE,
                "axon.eventhandling.processors.audit.batch-size=250")) {
            assertDoneAndServing(fourth, jdbc);
            assertThat(ReadModelContent.of(jdbc)).as("begun again, not gone on from positions of processors it does not have")
                    .isEqualTo(afterKill);
            assertThat(jdbc.queryForList("select distinct processor_name from token_entry where processor_name like 'rebuild-%'",
                    String.class)).isEmpty();
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void two_instances_under_reads_and_writes_one_rebuild_both_switch_and_no_read_sees_a_partial_read_model() throws Exception {
        PostgresDatabase.Database database = PostgresDatabase.create();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(), database.password()));
        try (ProcessMolnkoll a = ProcessMolnkoll.start("a", database, LEASE);
             ProcessMolnkoll b = ProcessMolnkoll.start("b", database, LEASE)) {
            Api managerA = a.api().as("manager");
            List<String> services = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int s = 0; s < 20; s++) {
                services.add(Commands.service(managerA, "Tjänst " + s));
            }
            write(managerA, services, 600, "Före ");
            await().atMost(Duration.ofMinutes(2)).until(() -> Commands.caughtUp(jdbc));

            // readers on both instances: the register's count and a service's evidence never go down
            AtomicBoolean running = new AtomicBoolean(true);
            ConcurrentLinkedQueue<String> partial = new ConcurrentLinkedQueue<>();
            AtomicInteger reads = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(6);
            List<Future<?>> work = new ArrayList<>();
            for (ProcessMolnkoll instance : List.of(a, b)) {
                Api viewer = instance.api().as("viewer");
                Api auditor = instance.api().as("auditor");
                work.add(clients.submit(() -> {
                    long lastCount = 0;
                    long lastEvidence = 0;
                    while (running.get()) {
                        Api.Response register = viewer.get("/api/services?size=1");
                        Api.Response one = auditor.get("/api/services/" + services.get(0));
                        if (register.status() != 200 || one.status() != 200) {
                            partial.add(instance.name() + ": answered " + register + " and " + one);
                            continue;
                        }
                        long count = register.json().get("totalServices").asLong();
                        long evidence = one.json().get("evidence").size();
                        if (count < 20 || count < lastCount) partial.add(instance.name() + ": " + count + " services after " + lastCount);
                        if (evidence < lastEvidence) partial.add(instance.name() + ": " + evidence + " evidence after " + lastEvidence);
                        lastCount = count;
                        lastEvidence = evidence;
                        reads.incrementAndGet();
                    }
                    return null;
                }));
            }
            // writers on both instances: new services and evidence throughout
            AtomicInteger next = new AtomicInteger();
            for (ProcessMolnkoll instance : List.of(a, b)) {
                Api manager = instance.api().as("manager");
                for (int w = 0; w < 2; w++) {
                    work.add(clients.submit(() -> {
                        while (running.get()) {
                            int n = next.getAndIncrement();
                            if (n % 25 == 0) services.add(Commands.service(manager, "Ny " + n));
                            assertThat(Commands.recordEvidence(manager, services.get(n % 20), "Under " + n))
                                    .isEqualTo(Commands.Outcome.ACCEPTED);
                        }
                        return null;
                    }));
                }
            }

            Api admin = a.api().as("admin");
            int readsBefore = reads.get();
            assertThat(admin.post("/api/admin/rebuild", null).status()).isEqualTo(202);
            assertThat(b.api().as("admin").post("/api/admin/rebuild", null).status()).as("one rebuild at a time, whichever instance")
                    .isEqualTo(409);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !admin.get("/api/admin/rebuild").json().get("state").asText().equals("RUNNING"));
            int readsDuring = reads.get() - readsBefore;
            assertThat(admin.get("/api/admin/rebuild").json().get("state").asText()).isEqualTo("DONE");
            assertThat(b.api().as("admin").get("/api/admin/rebuild").json().get("state").asText()).isEqualTo("DONE");
            int readsAtSwitch = reads.get();
            await().atMost(Duration.ofMinutes(1)).until(() -> reads.get() >= readsAtSwitch + 10); // over the new read models
            running.set(false);
            for (Future<?> client : work) {
                client.get(1, TimeUnit.MINUTES);
            }
            clients.shutdown();
            assertThat(partial).as("reads that saw an empty or partial read model").isEmpty();
            assertThat(readsDuring).as("reads on both instances while the rebuild ran").isGreaterThan(5);

            await().atMost(Duration.ofMinutes(2)).until(() -> Commands.caughtUp(jdbc));
            Map<String, List<String>> after = ReadModelContent.of(jdbc);
            assertThat(after.get("audit_entry")).as("every write, during the rebuild too, in the new read models")
                    .hasSize(jdbc.queryForObject("select count(*) from domain_event_entry",
                            Integer.class));
            assertThat(after.get("cloud_service").stream().filter(row -> row.contains("recorded_to=null"))).hasSize(services.size());
            for (ProcessMolnkoll instance : List.of(a, b)) {
                assertThat(instance.api().anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
                assertThat(instance.api().as("viewer").get("/api/services?size=1").json().get("totalServices").asLong())
                        .isEqualTo(services.size());
            }
            // a rebuild from scratch, with nothing written meanwhile, gives the same rows
            assertThat(b.api().as("admin").post("/api/admin/rebuild", null).status()).isEqualTo(202);
            assertDoneAndServing(b, jdbc);
            assertThat(ReadModelContent.of(jdbc)).isEqualTo(after);
        }
    }

    /** 8 clients record so many certificates on the services. */
    private static void write(Api manager, List<String> services, int commands, String title) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            running.add(clients.submit(() -> {
                for (int n = next.getAndIncrement(); n < commands; n = next.getAndIncrement()) {
                    assertThat(Commands.recordEvidence(manager, services.get(n % services.size()), title + n))
                            .isEqualTo(Commands.Outcome.ACCEPTED);
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get(10, TimeUnit.MINUTES);
        }
        clients.shutdown();
    }

    private static void assertDoneAndServing(ProcessMolnkoll instance, JdbcTemplate jdbc) {
        Api admin = instance.api().as("admin");
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin.get("/api/admin/rebuild").json().get("state").asText().equals("DONE") && Commands.caughtUp(jdbc));
        assertThat(instance.api().anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    private static long rebuildTables(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from pg_tables where schemaname = 'molnkoll_rebuild'", Long.class);
    }
}
