package se.molnkoll.chain;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import se.molnkoll.support.Api;
import se.molnkoll.support.RunningMolnkoll;
import se.molnkoll.support.TestClock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.molnkoll.support.TestClock.TODAY;

/**
 * A store that held events before the hash chain existed (as after upgrading to it): the whole
 * history is chained at the next start, not only what comes after. Axon hands a new processor the
 * existing history as a replay, so this would be lost if the chain skipped replayed events.
 */
class ExistingHistoryTest {

    @TempDir
    Path dataDirectory;

    @Test
    void history_stored_before_the_chain_existed_is_chained_in_full_at_the_next_start() {
        TestClock.CLOCK.set(TODAY);
        String database = RunningMolnkoll.h2FilesIn(dataDirectory);
        try (RunningMolnkoll first = RunningMolnkoll.start(database)) {
            Api manager = first.api().as("manager");
            String service = manager.post("/api/services", Map.of("name", "Före kedjan", "vendor", "Moln AB",
                    "serviceModel", "SAAS", "organisationUnit", "Regionstyrelsen", "owner", "Anna")).json().get("id").asText();
            manager.put("/api/services/" + service + "/classification", Map.of("confidentiality", 1, "integrity", 1,
                    "availability", 1, "secrecy", false, "personalData", false));
            manager.post("/api/services/" + service + "/evidence", Map.of("measureIds", List.of(27), "phases",
                    List.of("ACQUIRE"), "kind", "CERTIFICATE", "title", "ISO/IEC 27001", "issuer", "Cert AB",
                    "receivedOn", TODAY.toString()));
            await().atMost(Duration.ofSeconds(10)).until(() -> chained(first.api()) == 3);
            // back to how a store looked before the chain: events, no links, no chain processor
            JdbcTemplate jdbc = first.bean(JdbcTemplate.class);
            jdbc.update("delete from event_chain");
            jdbc.update("delete from token_entry where processor_name = 'chain'");
        }

        try (RunningMolnkoll second = RunningMolnkoll.start(database)) {
            Api auditor = second.api().as("auditor");
            await().atMost(Duration.ofSeconds(30)).until(() -> chained(second.api()) == 3);
            JsonNode verification = auditor.get("/api/audit/verification").json();
            assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.get("checkedEvents").asLong()).isEqualTo(3);
            assertThat(verification.get("head").get("storedEvents").asLong()).isEqualTo(3);
        }
    }

    private static long chained(Api api) {
        return api.as("auditor").get("/api/audit/head").json().get("links").asLong();
    }
}
