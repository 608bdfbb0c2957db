package se.molnkoll.api;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.molnkoll.support.PostgresDatabase;
import se.molnkoll.support.TestClock;

/** The auditors' scenarios on a real PostgreSQL. */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "molnkoll.demo-users=true")
@ActiveProfiles({"test", "postgres"})
@Import(TestClock.class)
class AuditorsOnPostgresTest extends ReportScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
    }

    /**
     * A rebuild left running by an instance that is gone, begun before the read models' tables were migrated: an
     * instance takes it over once its lease has run out, finds the schema changed since, and begins it again
     * (its tables made like the migrated ones), to the end.
     */
    @org.junit.jupiter.api.Test
    void a_rebuild_begun_before_a_migration_is_taken_over_and_begun_again() {
        register("Migrerad under ombyggnad");
        java.util.Map<String, java.util.List<String>> live = readModelContent();
        jdbc.update("delete from read_model_rebuild");
        jdbc.update("insert into read_model_rebuild (id, state, requested_by, started_at, events_total, target, owner, heartbeat,"
                + " schema_version) values (1, 'LOADING', 'admin', timestamp with time zone '2000-01-01 00:00:00+00', 0, 0, 'an instance that is gone',"
                + " timestamp with time zone '2000-01-01 00:00:00+00', '1')");

        com.fasterxml.jackson.databind.JsonNode done = se.molnkoll.support.Rebuilds.awaitEnd(se.molnkoll.support.Api.at(port).as("admin"),
                java.time.Duration.ofMinutes(2));
        org.assertj.core.api.Assertions.assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        org.assertj.core.api.Assertions.assertThat(done.get("requestedBy").asText()).isEqualTo("admin");
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select schema_version from read_model_rebuild",
                String.class)).isNotEqualTo("1");
        org.assertj.core.api.Assertions.assertThat(readModelContent()).isEqualTo(live);
    }

    /**
     * On PostgreSQL a rebuild loads its rows with COPY, builds the indexes only readers use once it has caught up,
     * and switches to tables with every index of those it replaces, holding what they held.
     */
    @org.junit.jupiter.api.Test
    void a_rebuild_loads_its_rows_with_copy_and_builds_the_readers_indexes_after_loading() {
        String id = register("Laddad i bulk");
        classify(id, 2, 2, 2, true, true);
        String certificate = recordEvidence(id, java.util.List.of(27, 30), java.util.List.of("ACQUIRE"),
                se.molnkoll.support.TestClock.TODAY.plusDays(2).toString());
        recordEvidence(id, java.util.List.of(31), java.util.List.of("ACQUIRE", "OPERATE"), null);
        withdraw(id, certificate);
        classify(id, 1, 1, 1, false, true);
        java.util.Map<String, java.util.List<String>> live = readModelContent();
        String indexes = "select tablename || ' ' || replace(indexdef, 'ON public.', 'ON ') from pg_indexes where schemaname = 'public'"
                + " order by 1";
        java.util.List<String> indexesBefore = jdbc.queryForList(indexes, String.class);
        io.micrometer.core.instrument.Counter copied = io.micrometer.core.instrument.Metrics.globalRegistry
                .get("molnkoll.read-models.rows.copied").counter();
        double copiedBefore = copied.count();

        org.assertj.core.api.Assertions.assertThat(se.molnkoll.support.Api.at(port).as("admin").post("/api/admin/rebuild", null)
                .status()).isEqualTo(202);
        com.fasterxml.jackson.databind.JsonNode done = se.molnkoll.support.Rebuilds.awaitEnd(se.molnkoll.support.Api.at(port).as("admin"),
                java.time.Duration.ofMinutes(2));

        org.assertj.core.api.Assertions.assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        org.assertj.core.api.Assertions.assertThat(readModelContent()).isEqualTo(live);
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForList(indexes, String.class)).isEqualTo(indexesBefore);
        long auditRows = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
        long measureRows = jdbc.queryForObject("select count(*) from applicable_measure", Long.class);
        org.assertj.core.api.Assertions.assertThat(measureRows).isPositive();
        org.assertj.core.api.Assertions.assertThat(copied.count() - copiedBefore).as("rows the rebuild loaded with COPY")
                .isGreaterThanOrEqualTo(auditRows + measureRows);
    }
}
