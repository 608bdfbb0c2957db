package se.molnkoll.jobs;

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
 * Dates that pass while Molnkoll is stopped, then with two instances running: Molnkoll processes on
 * PostgreSQL started from the application jar, their clocks moved together by a file. Approved risk
 * acceptances whose last day passed while every instance was stopped each get exactly one recorded end
 * after the restart, however the two instances' sweeps (on their production schedule) race for them;
 * and the measure is open again from the day after.
 */
class DatesPassInProcessesIT {

    private static final int SERVICES = 6;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void an_acceptance_that_ended_while_molnkoll_was_stopped_is_ended_once_by_two_instances() throws Exception {
        PostgresDatabase.Database database = PostgresDatabase.create();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(), database.password()));
        Path clock = Files.createTempFile("molnkoll-clock", ".offset");
        MovableClockProcess.move(clock, Duration.ZERO);
        LocalDate today = BusinessDates.today(Clock.systemUTC());
        LocalDate lastDay = today.plusDays(2);
        List<String[]> accepted = new ArrayList<>();

        try (ProcessMolnkoll a = ProcessMolnkoll.startWithMovableClock("dates-a", database, clock)) {
            Api manager = a.api().as("manager");
            Api riskOwner = a.api().as("riskowner");
            for (int s = 0; s < SERVICES; s++) {
                String id = manager.post("/api/services", Map.of("name", "Tjänst " + s, "vendor", "Moln AB",
                        "serviceModel", "SAAS", "organisationUnit", "Regionstyrelsen", "owner", "Anna")).json().get("id").asText();
                assertThat(manager.put("/api/services/" + id + "/classification", Map.of("confidentiality", 1,
                        "integrity", 1, "availability", 1, "secrecy", false, "personalData", false)).status()).isEqualTo(200);
                Api.Response proposed = manager.post("/api/services/" + id + "/risk-proposals", Map.of("measureId", 8,
                        "phase", "ACQUIRE", "residualRisk", "Risk " + s, "motivation", "Låg", "validUntil", lastDay.toString()));
                assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
                String proposal = proposed.json().get("id").asText();
                assertThat(riskOwner.post("/api/services/" + id + "/risk-proposals/" + proposal + "/approval", Map.of())
                        .status()).isEqualTo(200);
                accepted.add(new String[]{id, proposal});
            }
            assertThat(status(manager, accepted.get(0)[0])).isEqualTo("RISK_ACCEPTED");
            a.stop();

            // five days pass while no instance runs; then two start at once, each sweeping on its production schedule
            MovableClockProcess.move(clock, Duration.ofDays(5));
            var second = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> ProcessMolnkoll.startWithMovableClock("dates-b", database, clock));
            a.start();
            try (ProcessMolnkoll b = second.join()) {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> ended(jdbc).size() == SERVICES);
                // a few more sweeps of both find nothing left to do
                Thread.sleep(Duration.ofSeconds(40).toMillis());
                List<String> ends = ended(jdbc);
                assertThat(ends).hasSize(SERVICES);
                for (String[] acceptance : accepted) {
                    assertThat(ends).filteredOn(payload -> payload.contains(acceptance[1])).as(acceptance[1]).hasSize(1)
                            .allSatisfy(payload -> assertThat(payload).contains("\"endedOn\":\"" + lastDay.plusDays(1) + "\""));
                }
                assertThat(jdbc.queryForList("select distinct convert_from(meta_data, 'UTF8') from domain_event_entry"
                        + " where payload_type like '%RiskAcceptanceEnded'", String.class))
                        .allMatch(meta -> meta.contains("\"actor\":\"system:expiry\""));
                Api auditor = b.api().as("auditor");
                for (String[] acceptance : accepted) {
                    assertThat(status(auditor, acceptance[0])).isEqualTo("OPEN");
                    JsonNode view = auditor.get("/api/services/" + acceptance[0]).json();
                    assertThat(view.get("riskAcceptances").get(0).get("endedOn").asText()).isEqualTo(lastDay.plusDays(1).toString());
                    // as judged for its last day, it still counted
                    assertThat(auditor.get("/api/services/" + acceptance[0] + "/measures?phase=ACQUIRE&validAt=" + lastDay)
                            .json().toString()).contains("\"measureId\":8,\"phase\":\"ACQUIRE\",\"status\":\"RISK_ACCEPTED\"");
                }
            }
        } finally {
            Files.deleteIfExists(clock);
        }
    }

    private static List<String> ended(JdbcTemplate jdbc) {
        return jdbc.queryForList("select convert_from(payload, 'UTF8') from domain_event_entry"
                + " where payload_type like '%RiskAcceptanceEnded'", String.class);
    }

    private static String status(Api api, String service) {
        for (JsonNode measure : api.get("/api/services/" + service + "/measures?phase=ACQUIRE").json()) {
            if (measure.get("measureId").asInt() == 8) return measure.get("status").asText();
        }
        throw new AssertionError("measure 8 does not apply");
    }
}
