package se.molnkoll.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.molnkoll.support.Api;
import se.molnkoll.support.PostgresDatabase;
import se.molnkoll.support.RunningMolnkoll;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen writers recording evidence for one cloud service at the same moment, half through each of
 * two instances on one database, round after round until the instances have collided: every writer
 * is told 201 (recorded) or 409 (nothing recorded, try again), never anything else; every recorded
 * piece of evidence is in the store exactly once and in the read models; nothing refused is.
 */
@Tag("postgres")
class ConcurrentWritersTest {

    private static final int WRITERS = 16;

    @Test
    void sixteen_writers_on_one_service_each_recorded_once_or_told_it_was_not() throws Exception {
        PostgresDatabase.Database database = PostgresDatabase.create();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try (RunningMolnkoll a = RunningMolnkoll.start(database.properties());
             RunningMolnkoll b = RunningMolnkoll.start(database.properties())) {
            Api managerA = a.api().as("manager");
            Api managerB = b.api().as("manager");
            Api.Response created = managerA.post("/api/services", Map.of("name", "Omstridd", "vendor", "Moln AB",
                    "serviceModel", "SAAS", "organisationUnit", "Regionstyrelsen", "owner", "Anna Andersson"));
            String id = created.json().get("id").asText();
            assertThat(managerA.put("/api/services/" + id + "/classification", Map.of("confidentiality", 1,
                    "integrity", 1, "availability", 1, "secrecy", false, "personalData", false,
                    "allowedLocations", List.of("SE"))).status()).isEqualTo(200);

            Set<String> recorded = new HashSet<>();
            int refused = 0;
            for (int round = 0; round < 10 && (round < 2 || a.commandsRetried() + b.commandsRetried() == 0); round++) {
                CyclicBarrier together = new CyclicBarrier(WRITERS);
                List<CompletableFuture<Map.Entry<String, Api.Response>>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    String title = "Intyg " + round + "-" + w;
                    Api through = w % 2 == 0 ? managerA : managerB;
                    writers.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            together.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return Map.entry(title, through.post("/api/services/" + id + "/evidence",
                                Api.certificateFor27(title, LocalDate.of(2026, 1, 1))));
                    }, pool));
                }
                for (CompletableFuture<Map.Entry<String, Api.Response>> writer : writers) {
                    Map.Entry<String, Api.Response> outcome = writer.join();
                    Api.Response response = outcome.getValue();
                    assertThat(response.status()).as(response.toString()).isIn(201, 409);
                    if (response.status() == 201) {
                        recorded.add(outcome.getKey());
                    } else {
                        refused++;
                        assertThat(response.contentType()).startsWith("application/problem+json");
                        assertThat(response.json().get("type").asText()).isEqualTo("urn:molnkoll:problem:concurrent-change");
                        assertThat(response.headers().firstValue("Retry-After")).isPresent();
                    }
                }
            }
            assertThat(a.commandsRetried() + b.commandsRetried()).as("the instances did collide, and the losers were retried")
                    .isPositive();

            List<String> stored = a.bean(JdbcTemplate.class).queryForList("select convert_from(payload, 'UTF8')"
                    + " from domain_event_entry where payload_type = 'se.molnkoll.kernel.event.EvidenceReceived'", String.class);
            assertThat(stored).as("one event per recorded piece of evidence, none for a refused one (%d refused)", refused)
                    .hasSize(recorded.size());
            for (String title : recorded) {
                assertThat(stored).filteredOn(payload -> payload.contains("\"" + title + "\"")).as(title).hasSize(1);
            }
            for (Api reader : List.of(managerA, managerB)) {
                JsonNode evidence = reader.get("/api/services/" + id).json().get("evidence");
                Set<String> shown = new HashSet<>();
                evidence.forEach(e -> shown.add(e.get("title").asText()));
                assertThat(shown).isEqualTo(recorded);
            }
        } finally {
            pool.shutdownNow();
        }
    }

}
