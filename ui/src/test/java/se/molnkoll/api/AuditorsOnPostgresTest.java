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
}
