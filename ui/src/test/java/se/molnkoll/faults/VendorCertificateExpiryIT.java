package se.molnkoll.faults;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.support.Api;
import se.molnkoll.support.MovableClockProcess;
import se.molnkoll.support.PostgresDatabase;
import se.molnkoll.support.ProcessMolnkoll;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A certificate recorded once at a vendor and adopted by 50 of its services, each for its own measures, lapses:
 * a Molnkoll process on PostgreSQL (from the application jar, its clock moved by a file) is killed with SIGKILL
 * as soon as the first service's copy is recorded as expired, in the middle of the sweep (ten per sweep here).
 * Started again, it finishes: every adopting service has exactly one EvidenceExpired for its copy, and shows
 * EXPIRED for exactly the measures it adopted the certificate for, and nothing else expired.
 */
class VendorCertificateExpiryIT {

    private static final int SERVICES = 50;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void a_vendor_certificate_adopted_by_fifty_services_expires_once_at_each_across_a_kill() throws Exception {
        PostgresDatabase.Database database = PostgresDatabase.create();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(), database.password()));
        Path clock = Files.createTempFile("molnkoll-clock", ".offset");
        MovableClockProcess.move(clock, Duration.ZERO);
        LocalDate today = BusinessDates.today(Clock.systemUTC());
        LocalDate lastDay = today.plusDays(2);
        Map<String, List<Integer>> adopted = new java.util.LinkedHashMap<>();

        try (ProcessMolnkoll molnkoll = ProcessMolnkoll.startWithMovableClock("vendor-expiry", database, clock,
                "molnkoll.expiry.batch-size=10", "molnkoll.expiry.sweep-interval=5s")) {
            Api manager = molnkoll.api().as("manager");
            String vendor = manager.post("/api/vendors", Map.of("name", "Storleverantören AB", "organisationNumber", "556016-0680",
                    "country", "SE")).json().get("id").asText();
            Api.Response recorded = manager.post("/api/vendors/" + vendor + "/evidence", Map.of("kind", "CERTIFICATE",
                    "title", "ISO/IEC 27001", "issuer", "Certifieringsorgan AB", "scope", "Hela leverantören",
                    "receivedOn", today.toString(), "validUntil", lastDay.toString()));
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
            String certificate = recorded.json().get("id").asText();
            for (int s = 0; s < SERVICES; s++) {
                String id = manager.post("/api/services", Map.of("name", "Tjänst " + s, "vendor", "Storleverantören",
                        "serviceModel", "SAAS", "organisationUnit", "Regionstyrelsen", "owner", "Anna")).json().get("id").asText();
                assertThat(manager.put("/api/services/" + id + "/classification", Map.of("confidentiality", 1, "integrity", 1,
                        "availability", 1, "secrecy", false, "personalData", false)).status()).isEqualTo(200);
                assertThat(manager.post("/api/services/" + id + "/vendor-link", Map.of("vendorId", vendor, "reason", "Bekräftad"))
                        .status()).isEqualTo(200);
                // each service its own measures: 27 for all, 38 for every other one
                List<Integer> measures = s % 2 == 0 ? List.of(27, 38) : List.of(27);
                Api.Response adoption = manager.post("/api/services/" + id + "/vendor-evidence", Map.of("vendorEvidenceId", certificate,
                        "measureIds", measures, "phases", List.of("ACQUIRE")));
                assertThat(adoption.status()).as(adoption.toString()).isEqualTo(201);
                adopted.put(id, measures);
            }
            assertThat(expired(jdbc)).isZero();

            // the certificate's last day passes; the process is killed at the first recorded expiry, mid-sweep
            MovableClockProcess.move(clock, Duration.ofDays(3));
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() -> expired(jdbc) > 0);
            molnkoll.kill();
            long atKill = expired(jdbc);
            assertThat(atKill).as("killed in the middle: some expired, not all").isBetween(1L, SERVICES - 1L);

            molnkoll.start();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> expired(jdbc) == SERVICES);
            // more sweeps find nothing left to do
            await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(20)).until(() -> expired(jdbc) == SERVICES);
            assertThat(jdbc.queryForList("select aggregate_identifier from domain_event_entry where payload_type like '%.EvidenceExpired'",
                    String.class)).as("one expiry per adopting service").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(adopted.keySet());

            Api auditor = molnkoll.api().as("auditor");
            for (Map.Entry<String, List<Integer>> service : adopted.entrySet()) {
                List<Integer> expiredMeasures = new ArrayList<>();
                for (JsonNode measure : auditor.get("/api/services/" + service.getKey() + "/measures").json()) {
                    if (measure.get("status").asText().equals("EXPIRED")) expiredMeasures.add(measure.get("measureId").asInt());
                }
                assertThat(expiredMeasures).as(service.getKey()).containsExactlyInAnyOrderElementsOf(service.getValue());
            }
            JsonNode atVendor = auditor.get("/api/vendors/" + vendor).json().get("evidence").get(0);
            assertThat(atVendor.get("status").asText()).isEqualTo("EXPIRED");
            assertThat(atVendor.get("adoptedBy")).hasSize(SERVICES);
        } finally {
            Files.deleteIfExists(clock);
        }
    }

    private static long expired(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%.EvidenceExpired'", Long.class);
    }
}
