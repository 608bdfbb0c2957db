package se.molnkoll.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import se.molnkoll.support.Api;
import se.molnkoll.support.Rebuilds;
import se.molnkoll.support.RunningMolnkoll;
import se.molnkoll.support.TestClock;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.support.TestClock.TODAY;

/** The command-line flag: started with --molnkoll.rebuild=true, Molnkoll rebuilds its read models once it is up. */
class RebuildOnStartTest {

    @TempDir
    Path dataDirectory;

    @Test
    void started_with_the_flag_molnkoll_rebuilds_every_read_model_and_reports_it() {
        TestClock.CLOCK.set(TODAY);
        String database = RunningMolnkoll.h2FilesIn(dataDirectory);
        String service;
        JsonNode before;
        List<Long> rowsBefore;
        try (RunningMolnkoll first = RunningMolnkoll.start(database)) {
            Api manager = first.api().as("manager");
            service = manager.post("/api/services", Map.of("name", "Kommandorad", "vendor", "Moln AB",
                    "serviceModel", "SAAS", "organisationUnit", "Regionstyrelsen", "owner", "Anna")).json().get("id").asText();
            manager.put("/api/services/" + service + "/classification", Map.of("confidentiality", 1, "integrity", 1,
                    "availability", 1, "secrecy", false, "personalData", false));
            manager.post("/api/services/" + service + "/evidence", Map.of("measureIds", List.of(27), "phases",
                    List.of("ACQUIRE"), "kind", "CERTIFICATE", "title", "ISO/IEC 27001", "issuer", "Cert AB",
                    "receivedOn", TODAY.toString()));
            before = manager.get("/api/services/" + service).json();
            assertThat(first.api().as("admin").get("/api/admin/rebuild").json().get("state").asText()).isEqualTo("IDLE");
            rowsBefore = first.bean(JdbcTemplate.class).queryForList("select row_id from applicable_measure", Long.class);
        }

        try (RunningMolnkoll second = RunningMolnkoll.start(database, "molnkoll.rebuild=true")) {
            JsonNode status = Rebuilds.awaitEnd(second.api().as("admin"));
            assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("DONE");
            assertThat(status.get("requestedBy").asText()).isEqualTo("command line (molnkoll.rebuild=true)");
            assertThat(status.get("eventsTotal").asLong()).isEqualTo(3);
            assertThat(status.get("eventsDone").asLong()).isEqualTo(3);
            assertThat(second.api().as("manager").get("/api/services/" + service).json()).isEqualTo(before);
            // every row was written anew
            List<Long> rowsAfter = second.bean(JdbcTemplate.class).queryForList("select row_id from applicable_measure", Long.class);
            assertThat(rowsAfter).hasSameSizeAs(rowsBefore).doesNotContainAnyElementsOf(rowsBefore);
        }
    }
}
