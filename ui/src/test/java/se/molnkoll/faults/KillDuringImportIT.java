package se.molnkoll.faults;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.molnkoll.support.Api;
import se.molnkoll.support.PostgresDatabase;
import se.molnkoll.support.ProcessMolnkoll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An import of 2,000 services (with classification and a certificate each) into a Molnkoll process on
 * PostgreSQL; when a third of its rows are done, the process is killed with SIGKILL. Started again, the
 * same file is imported again: afterwards every row took effect exactly once (one registration, one key,
 * one classification, one piece of evidence per service, none twice), and a third import finds nothing
 * to do.
 */
class KillDuringImportIT {

    private static final int SERVICES = 2_000;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void an_import_killed_half_way_and_run_again_takes_each_row_once() throws Exception {
        PostgresDatabase.Database database = PostgresDatabase.create();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(), database.password()));
        byte[] register = register();
        try (ProcessMolnkoll a = ProcessMolnkoll.start("import", database)) {
            Api manager = a.api().as("manager");
            Api.Response started = manager.postFile("/api/imports", "register.xlsx", register);
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            String run = "/api/imports/" + started.json().get("id").asText();
            assertThat(started.json().get("total").asInt()).isEqualTo(2 * SERVICES);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> manager.get(run).json().get("done").asInt() >= 2 * SERVICES / 3);
            a.kill();
            long afterKill = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            assertThat(afterKill).as("killed half-way").isLessThan(4L * SERVICES);

            a.start();
            JsonNode again = awaitEnd(manager, manager.postFile("/api/imports", "register.xlsx", register));
            assertThat(again.get("state").asText()).as(again.toString()).isEqualTo("DONE");
            assertThat(again.get("refused")).isEmpty();

            for (String type : List.of("CloudServiceRegistered", "ExternalKeyAssigned", "ClassificationSet", "EvidenceReceived")) {
                assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like ?", Long.class,
                        "%." + type)).as(type + ": once per row").isEqualTo(SERVICES);
                assertThat(jdbc.queryForObject("select count(distinct aggregate_identifier) from domain_event_entry"
                        + " where payload_type like ?", Long.class, "%." + type)).as(type + ": on every service").isEqualTo(SERVICES);
            }
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> Commands.caughtUp(jdbc));
            JsonNode third = awaitEnd(manager, manager.postFile("/api/imports", "register.xlsx", register));
            assertThat(third.get("total").asInt()).as("nothing left to do").isZero();
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(4L * SERVICES);
        }
    }

    private static JsonNode awaitEnd(Api manager, Api.Response started) {
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String run = "/api/imports/" + started.json().get("id").asText();
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(500)).until(() -> {
            last[0] = manager.get(run).json();
            return !last[0].get("state").asText().equals("RUNNING");
        });
        return last[0];
    }

    private static byte[] register() throws IOException {
        List<String> services = List.of("Beteckning", "Namn", "Leverantör", "Tjänstemodell", "Organisationsenhet", "Ägare",
                "Konfidentialitet", "Riktighet", "Tillgänglighet");
        List<String> evidence = List.of("Tjänstens beteckning", "Underlagets beteckning", "Åtgärder", "Faser", "Typ", "Titel",
                "Utfärdare", "Mottaget");
        try (SXSSFWorkbook book = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Tjänster");
            header(sheet, services);
            for (int i = 1; i <= SERVICES; i++) {
                Row row = sheet.createRow(i);
                List<Object> values = List.of("K-" + i, "Tjänst " + i, "Leverantör " + (i % 50) + " AB", "SaaS",
                        "Regionstyrelsen", "Ägare " + (i % 20), 1, 1, 1);
                for (int c = 0; c < values.size(); c++) {
                    if (values.get(c) instanceof Integer n) row.createCell(c).setCellValue(n);
                    else row.createCell(c).setCellValue(values.get(c).toString());
                }
            }
            Sheet proof = book.createSheet("Underlag");
            header(proof, evidence);
            for (int i = 1; i <= SERVICES; i++) {
                Row row = proof.createRow(i);
                List<String> values = List.of("K-" + i, "ISO-" + i, "24", "ANS", "certifikat", "ISO/IEC 27001 " + i,
                        "Certifieringsorgan AB", "2025-01-15");
                for (int c = 0; c < values.size(); c++) row.createCell(c).setCellValue(values.get(c));
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        }
    }

    private static void header(Sheet sheet, List<String> headers) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) row.createCell(c).setCellValue(headers.get(c));
    }
}
