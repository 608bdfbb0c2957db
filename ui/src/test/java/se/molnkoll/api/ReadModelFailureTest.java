package se.molnkoll.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import se.molnkoll.support.Api;
import se.molnkoll.support.TestClock;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When a read model cannot be written, nothing is lost and nobody is misled: the command is still
 * recorded, its answer says reads do not show it yet (202 and a header, at once rather than after
 * the read-your-writes timeout), health says which read model is failing, and once the cause is
 * gone the processor catches up with every event it had to retry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "molnkoll.read-your-writes.timeout=10m")
@ActiveProfiles("test")
@Import(TestClock.class)
class ReadModelFailureTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void a_failing_read_model_is_reported_and_catches_up_without_losing_anything() {
        Api manager = Api.at(port).as("manager");
        Api admin = Api.at(port).as("admin");
        String id = manager.post("/api/services", Map.of("name", "Trasig läsmodell", "vendor", "Moln AB",
                "serviceModel", "SAAS", "organisationUnit", "Regionstyrelsen", "owner", "Anna")).json().get("id").asText();
        assertThat(admin.get("/actuator/health").json().get("status").asText()).isEqualTo("UP");

        jdbc.execute("alter table audit_entry rename to audit_entry_away");
        Api.Response classified = manager.put("/api/services/" + id + "/classification", Map.of("confidentiality", 1,
                "integrity", 1, "availability", 1, "secrecy", false, "personalData", false));
        assertThat(classified.status()).as(classified.toString()).isEqualTo(202);
        assertThat(classified.headers().firstValue("Molnkoll-Read-Your-Writes")).hasValue("not-confirmed");

        Api.Response health = admin.get("/actuator/health");
        assertThat(health.status()).as("degraded is not down: a load balancer keeps the node").isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.json().get("components").get("readModels").get("details").get("audit").get("error").asText())
                .isNotBlank();
        assertThat(Api.at(port).get("/actuator/health").json().has("components")).as("details are for ADMIN").isFalse();
        // the other read models are not held up
        assertThat(manager.get("/api/services/" + id).json().get("classification").get("confidentiality").asInt()).isEqualTo(1);

        jdbc.execute("alter table audit_entry_away rename to audit_entry");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin.get("/actuator/health").json().get("status").asText().equals("UP"));
        assertThat(Api.at(port).as("auditor").get("/api/services/" + id + "/audit?order=asc").json().get("entries")
                .findValuesAsText("type")).containsExactly("CloudServiceRegistered", "ClassificationSet");

        Api.Response again = manager.put("/api/services/" + id + "/classification", Map.of("confidentiality", 2,
                "integrity", 1, "availability", 1, "secrecy", false, "personalData", false));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.headers().firstValue("Molnkoll-Read-Your-Writes")).isEmpty();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void a_command_recorded_while_the_register_fails_is_never_answered_not_found() {
        Api manager = Api.at(port).as("manager");
        jdbc.execute("alter table cloud_service rename to cloud_service_away");
        try {
            Api.Response registered = manager.post("/api/services", Map.of("name", "Medan registret står still",
                    "vendor", "Moln AB", "serviceModel", "SAAS", "organisationUnit", "Regionstyrelsen", "owner", "Anna"));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(202);
            String id = registered.json().get("id").asText();
            assertThat(registered.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(id));

            Api.Response classified = manager.put("/api/services/" + id + "/classification", Map.of("confidentiality", 1,
                    "integrity", 1, "availability", 1, "secrecy", false, "personalData", false));
            assertThat(classified.status()).as("recorded, so not 404: " + classified).isEqualTo(202);
            assertThat(classified.body()).isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                    Long.class, id)).isEqualTo(2);
        } finally {
            jdbc.execute("alter table cloud_service_away rename to cloud_service");
        }
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> Api.at(port).as("admin").get("/actuator/health").json().get("status").asText().equals("UP"));
    }
}
