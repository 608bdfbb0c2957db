package se.molnkoll.scaleout;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.molnkoll.query.api.ReadModels;
import se.molnkoll.support.Api;
import se.molnkoll.support.PostgresDatabase;
import se.molnkoll.support.RunningMolnkoll;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance with the command role and one with the query role on one PostgreSQL database: the
 * first takes the commands and runs no read model, the second keeps the read models and refuses
 * commands; both answer reads, and the command instance's client still reads its own writes.
 */
@Tag("postgres")
class RolesTest {

    private static final Map<String, Object> SERVICE = Map.of("name", "Journalen", "vendor", "Moln AB",
            "serviceModel", "SAAS", "organisationUnit", "Regionstyrelsen", "owner", "Anna Andersson");

    @Test
    void a_command_instance_and_a_query_instance_share_one_database() {
        PostgresDatabase.Database database = PostgresDatabase.create();
        try (RunningMolnkoll query = RunningMolnkoll.start(with(database, "molnkoll.roles=query"));
             RunningMolnkoll command = RunningMolnkoll.start(with(database, "molnkoll.roles=command"))) {
            assertThat(command.bean(EventProcessingConfiguration.class).eventProcessors())
                    .as("no read model on the command instance: only the follower that sends the system's own commands")
                    .containsOnlyKeys(se.molnkoll.jobs.VendorEvidenceFollower.PROCESSING_GROUP);
            assertThat(query.bean(EventProcessingConfiguration.class).eventProcessors())
                    .as("the read models, the hash chain, and the rebuild processors beside the read models (not started):"
                            + " one for the read models alike, one for vendors with its one segment")
                    .containsOnlyKeys(ReadModels.REGISTER, ReadModels.MEASURES, ReadModels.AUDIT_TRAIL, ReadModels.VENDORS, ReadModels.CHAIN,
                            "rebuild-register-measures-audit", "rebuild-vendors");

            Api.Response refused = query.api().as("manager").post("/api/services", SERVICE);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asText()).isEqualTo("urn:molnkoll:problem:wrong-instance");
            assertThat(events(query)).isZero();

            Api.Response created = command.api().as("manager").post("/api/services", SERVICE);
            assertThat(created.status()).as("recorded and shown by the read models the query instance keeps: " + created)
                    .isEqualTo(201);
            String id = created.json().get("id").asText();
            for (RunningMolnkoll instance : new RunningMolnkoll[]{command, query}) {
                Api.Response read = instance.api().as("viewer").get("/api/services/" + id);
                assertThat(read.status()).as(read.toString()).isEqualTo(200);
                assertThat(read.json().get("name").asText()).isEqualTo("Journalen");
                assertThat(instance.api().anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
                assertThat(instance.api().anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
            }

            Api.Response rebuild = command.api().as("admin").post("/api/admin/rebuild", Map.of());
            assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(409);
            assertThat(rebuild.json().get("type").asText()).isEqualTo("urn:molnkoll:problem:wrong-instance");
            assertThat(events(query)).isEqualTo(1);
        }
    }

    private static long events(RunningMolnkoll instance) {
        Long count = instance.bean(JdbcTemplate.class).queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    static String[] with(PostgresDatabase.Database database, String... more) {
        return Stream.concat(Stream.of(database.properties()), Stream.of(more)).toArray(String[]::new);
    }
}
