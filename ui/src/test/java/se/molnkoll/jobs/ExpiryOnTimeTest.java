package se.molnkoll.jobs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.molnkoll.support.Api;
import se.molnkoll.support.PostgresDatabase;
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
 * Expiries are recorded on time by the sweep running on its own schedule, with its production
 * defaults (every 30 s, 5 s after start): even when Molnkoll was stopped across the date, exactly
 * once, and within a minute of the date passing in a running application.
 */
class ExpiryOnTimeTest {

    static final String[] SCHEDULED_AS_IN_PRODUCTION = {
            "molnkoll.scheduling.enabled=true", "molnkoll.expiry.sweep-interval=30s", "molnkoll.expiry.initial-delay=5s"};

    @TempDir
    Path dataDirectory;

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.set(TODAY);
    }

    @Test
    void an_expiry_that_passed_while_molnkoll_was_stopped_is_recorded_once_after_the_next_start_on_h2() {
        String h2File = RunningMolnkoll.h2FilesIn(dataDirectory);
        across_a_restart(new String[]{h2File});
    }

    @Test
    @Tag("postgres")
    void an_expiry_that_passed_while_molnkoll_was_stopped_is_recorded_once_after_the_next_start_on_postgresql() {
        across_a_restart(PostgresDatabase.create().properties());
    }

    private void across_a_restart(String[] database) {
        TestClock.CLOCK.set(TODAY);
        String service;
        String certificate;
        try (RunningMolnkoll first = RunningMolnkoll.start(database)) {
            Api manager = first.api().as("manager");
            service = manager.post("/api/services", Map.of("name", "Omstart", "vendor", "Moln AB", "serviceModel", "SAAS",
                    "organisationUnit", "Regionstyrelsen", "owner", "Anna")).json().get("id").asText();
            manager.put("/api/services/" + service + "/classification", Map.of("confidentiality", 1, "integrity", 1,
                    "availability", 1, "secrecy", false, "personalData", false));
            certificate = manager.post("/api/services/" + service + "/evidence", Map.of("measureIds", List.of(27),
                    "phases", List.of("ACQUIRE"), "kind", "CERTIFICATE", "title", "ISO/IEC 27001", "issuer", "Cert AB",
                    "receivedOn", TODAY.toString(), "validUntil", TODAY.plusDays(1).toString())).json().get("id").asText();
        }

        TestClock.CLOCK.set(TODAY.plusDays(3));
        String[] restarted = concat(database, SCHEDULED_AS_IN_PRODUCTION);
        try (RunningMolnkoll second = RunningMolnkoll.start(restarted)) {
            Api auditor = second.api().as("auditor");
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                    .until(() -> expiries(auditor, service) > 0);
            second.bean(ExpirySweep.class).sweep();
            assertThat(expiries(auditor, service)).isEqualTo(1);
            assertThat(auditor.get("/api/services/" + service + "/audit?type=EvidenceExpired").json()
                    .get("entries").get(0).get("payload").get("evidenceId").asText()).isEqualTo(certificate);

            // in the running application: evidence recorded already lapsed is expired within a minute
            String late = second.api().as("manager").post("/api/services/" + service + "/evidence", Map.of(
                    "measureIds", List.of(29), "phases", List.of("ACQUIRE"), "kind", "AUDIT_REPORT", "title", "Revision",
                    "issuer", "Revisor AB", "receivedOn", TODAY.toString(), "validUntil", TODAY.plusDays(2).toString()))
                    .json().get("id").asText();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                    .until(() -> expiries(auditor, service) == 2);
            assertThat(auditor.get("/api/services/" + service + "/audit?type=EvidenceExpired").json()
                    .get("entries").get(0).get("payload").get("evidenceId").asText()).isEqualTo(late);
        }
    }

    static long expiries(Api auditor, String service) {
        return auditor.get("/api/services/" + service + "/audit?type=EvidenceExpired").json().get("totalEntries").asLong();
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
