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
 * PostgreSQL started from the application jar, their clocks moved together by a file. Services in
 * operation with an approved risk acceptance: a year and more passes while every instance is stopped.
 * After the restart each acceptance gets exactly one recorded end, and each recurring review exactly one
 * recorded lapse, however the two instances' sweeps (on their production schedule) race for them; the
 * measures are open again (OPEN, REVIEW_DUE) from the day after.
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
                // everything else of acquisition and operation covered by the contract: into operation, reviews scheduled
                java.util.Set<Integer> covered = new java.util.TreeSet<>();
                for (String phase : List.of("ACQUIRE", "OPERATE")) {
                    for (JsonNode measure : manager.get("/api/services/" + id + "/measures?phase=" + phase).json()) {
                        if (measure.get("status").asText().equals("OPEN")) covered.add(measure.get("measureId").asInt());
                    }
                }
                assertThat(manager.post("/api/services/" + id + "/evidence", Map.of("measureIds", covered,
                        "phases", List.of("ACQUIRE", "OPERATE"), "kind", "CONTRACT_CLAUSE", "title", "Avtal", "issuer", "Moln AB",
                        "receivedOn", today.toString())).status()).isEqualTo(201);
                Api.Response started = manager.post("/api/services/" + id + "/operation", null);
                assertThat(started.status()).as(started.toString()).isEqualTo(200);
            }
            int reviewsPerService = manager.get("/api/reviews?serviceId=" + accepted.get(0)[0]).json().size();
            assertThat(reviewsPerService).isPositive();
            assertThat(status(manager, accepted.get(0)[0])).isEqualTo("RISK_ACCEPTED");
            a.stop();

            // a year and a month pass while no instance runs; then two start at once, each sweeping on its production schedule
            MovableClockProcess.move(clock, Duration.ofDays(400));
            var second = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> ProcessMolnkoll.startWithMovableClock("dates-b", database, clock));
            a.start();
            try (ProcessMolnkoll b = second.join()) {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> ended(jdbc).size() == SERVICES && lapses(jdbc).size() == SERVICES * reviewsPerService);
                // a few more sweeps of both (every 30 s) find nothing left to do: the counts stay as they are
                await().during(Duration.ofSeconds(40)).atMost(Duration.ofSeconds(50)).pollInterval(Duration.ofSeconds(2))
                        .until(() -> ended(jdbc).size() == SERVICES && lapses(jdbc).size() == SERVICES * reviewsPerService);
                List<String> ends = ended(jdbc);
                assertThat(ends).hasSize(SERVICES);
                assertThat(lapses(jdbc)).as("each review's lapse once").hasSize(SERVICES * reviewsPerService)
                        .doesNotHaveDuplicates();
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
                    assertThat(auditor.get("/api/services/" + acceptance[0] + "/measures?phase=OPERATE").json().toString())
                            .contains("\"measureId\":38,\"phase\":\"OPERATE\",\"status\":\"REVIEW_DUE\"");
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

    /** Each recorded lapse of a review, as service and measure (a duplicate would be a second lapse of one review). */
    private static List<String> lapses(JdbcTemplate jdbc) {
        return jdbc.queryForList("select aggregate_identifier || ':' || (convert_from(payload, 'UTF8')::json ->> 'measureId')"
                + " from domain_event_entry where payload_type like '%ReviewFellDue'", String.class);
    }

    private static String status(Api api, String service) {
        for (JsonNode measure : api.get("/api/services/" + service + "/measures?phase=ACQUIRE").json()) {
            if (measure.get("measureId").asInt() == 8) return measure.get("status").asText();
        }
        throw new AssertionError("measure 8 does not apply");
    }
}
