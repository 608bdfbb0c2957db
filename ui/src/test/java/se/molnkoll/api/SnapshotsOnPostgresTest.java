package se.molnkoll.api;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.molnkoll.command.CloudService;
import se.molnkoll.support.Api;
import se.molnkoll.support.PostgresDatabase;
import se.molnkoll.support.TestClock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.support.TestClock.TODAY;

/**
 * Services' snapshots on a real PostgreSQL: taken once a service has enough events, a service not in the cache is
 * loaded from its latest one and decides as it would from its whole history; a snapshot of another revision of the
 * state, or one that cannot be read, is passed over and the service is replayed from its events.
 */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"molnkoll.demo-users=true", "molnkoll.commands.snapshot-after=5"})
@ActiveProfiles({"test", "postgres"})
@Import(TestClock.class)
class SnapshotsOnPostgresTest extends Scenarios {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    @Qualifier(CloudService.CACHE)
    Cache services;

    @Test
    void a_service_past_the_threshold_is_loaded_from_its_snapshot_and_decides_as_from_its_whole_history() throws Exception {
        String id = register("Ögonblicksbild");
        classify(id, 2, 2, 2, true, true);
        List<String> evidence = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            evidence.add(recordEvidence(id, List.of(27 + i % 3), List.of("ACQUIRE"), TODAY.plusDays(30 + i).toString()));
        }
        assertThat(jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class, id))
                .as("a snapshot once more than 5 events were recorded").isPositive();
        long snapshotAt = jdbc.queryForObject("select max(sequence_number) from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, id);
        DomainEventStream stream = eventStore.readEvents(id);
        assertThat(stream.next().getPayload()).as("loading starts from the snapshot").isInstanceOf(CloudService.class);
        String measuresBefore = manager.get("/api/services/" + id + "/measures?phase=ACQUIRE").body();

        services.removeAll(); // the next command loads the service from the store: its snapshot and the events after it
        withdraw(id, evidence.get(0), 200);
        withdraw(id, evidence.get(0), 409); // it knows, from the snapshot, what was withdrawn before
        assertThat(jdbc.queryForObject("select max(sequence_number) from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, id)).isGreaterThanOrEqualTo(snapshotAt);
        Api.Response unknown = manager.post("/api/services/" + id + "/evidence/00000000-0000-4000-8000-000000000000/withdrawal",
                Map.of("reason", "Finns inte"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);

        // a snapshot of another revision of the state (CloudService.STATE_REVISION) is passed over even where it can be
        // read: this one, marked as of revision 1, would say the third piece of evidence was withdrawn already
        com.fasterxml.jackson.databind.node.ObjectNode earlier = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                jdbc.queryForObject("select payload from snapshot_event_entry where aggregate_identifier = ?"
                        + " order by sequence_number desc limit 1", byte[].class, id));
        ((com.fasterxml.jackson.databind.node.ObjectNode) earlier.get("evidence").get(evidence.get(2))).put("withdrawn", true);
        jdbc.update("update snapshot_event_entry set payload = ?, payload_revision = '1' where aggregate_identifier = ?",
                JSON.writeValueAsBytes(earlier), id);
        services.removeAll();
        withdraw(id, evidence.get(2), 200);

        // a snapshot that cannot be read (written by another version, or damaged) is passed over: the whole history is replayed
        jdbc.update("update snapshot_event_entry set payload = ? where aggregate_identifier = ?",
                "{\"unknownField\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8), id);
        services.removeAll();
        withdraw(id, evidence.get(1), 200);
        withdraw(id, evidence.get(0), 409);
        assertThat(manager.get("/api/services/" + id + "/measures?phase=ACQUIRE").body()).isNotEqualTo(measuresBefore);
        com.fasterxml.jackson.databind.JsonNode view = manager.get("/api/services/" + id).json().get("evidence");
        assertThat(view).hasSize(8);
        assertThat(view.findValues("withdrawn").stream().filter(com.fasterxml.jackson.databind.JsonNode::asBoolean).count())
                .isEqualTo(3);
    }

    private void withdraw(String id, String evidenceId, int status) {
        Api.Response response = manager.post("/api/services/" + id + "/evidence/" + evidenceId + "/withdrawal",
                Map.of("reason", "Fel certifikat"));
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }
}
