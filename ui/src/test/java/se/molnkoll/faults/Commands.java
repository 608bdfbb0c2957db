package se.molnkoll.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import se.molnkoll.support.Api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What the fault tests send and check: evidence with a unique title, and where each title ended up. */
final class Commands {

    /** A past business day (the processes run on the real clock). */
    static final LocalDate RECEIVED_ON = LocalDate.of(2026, 11, 2);

    enum Outcome { ACCEPTED, REFUSED, NO_ANSWER }

    private Commands() {
    }

    static String service(Api manager, String name) {
        String id = manager.post("/api/services", Map.of("name", name, "vendor", "Moln AB", "serviceModel", "SAAS",
                "organisationUnit", "Regionstyrelsen", "owner", "Anna")).json().get("id").asText();
        assertThat(manager.put("/api/services/" + id + "/classification", Map.of("confidentiality", 2, "integrity", 2,
                "availability", 2, "secrecy", false, "personalData", true, "allowedLocations", List.of("SE"))).status())
                .isEqualTo(200);
        return id;
    }

    /** Records a piece of evidence titled so; what the client learns of its fate. Refusals must be problem+json. */
    static Outcome recordEvidence(Api manager, String service, String title, int... refusals) {
        Map<String, Object> body = Api.certificateFor27(title, RECEIVED_ON);
        Api.Response response;
        try {
            response = manager.post("/api/services/" + service + "/evidence", body);
        } catch (IllegalStateException connectionLost) {
            return Outcome.NO_ANSWER;
        }
        if (response.status() == 201 || response.status() == 202) {
            return Outcome.ACCEPTED;
        }
        assertThat(response.status()).as(response.toString()).isIn(java.util.Arrays.stream(refusals).boxed().toList());
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        return Outcome.REFUSED;
    }

    /** How often each title is in the event store. */
    static Map<String, Long> storedTitles(JdbcTemplate jdbc) {
        return jdbc.queryForList("select convert_from(payload, 'UTF8') from domain_event_entry"
                        + " where payload_type = 'se.molnkoll.kernel.event.EvidenceReceived'", String.class).stream()
                .map(payload -> payload.replaceAll("(?s).*\"title\":\"([^\"]+)\".*", "$1"))
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
    }

    /** Every accepted title stored once, every refused one not at all, an unanswered one at most once. */
    static void assertExactlyOnce(Map<String, Outcome> outcomes, JdbcTemplate jdbc) {
        Map<String, Long> stored = storedTitles(jdbc);
        outcomes.forEach((title, outcome) -> {
            long times = stored.getOrDefault(title, 0L);
            switch (outcome) {
                case ACCEPTED -> assertThat(times).as("accepted " + title).isEqualTo(1);
                case REFUSED -> assertThat(times).as("refused " + title).isZero();
                case NO_ANSWER -> assertThat(times).as("unanswered " + title).isLessThanOrEqualTo(1);
            }
        });
        assertThat(outcomes.keySet()).as("nothing stored that no client sent").containsAll(stored.keySet());
    }

    /**
     * Whether every read model's every segment is at the store's last event. The tokens are JSON; a
     * replay's token holds where it is as its current token.
     */
    static boolean caughtUp(JdbcTemplate jdbc) {
        Long end = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        List<String> tokens = jdbc.queryForList("select convert_from(token, 'UTF8') from token_entry"
                + " where processor_name in ('register', 'measures', 'audit')", String.class);
        if (end == null || tokens.isEmpty()) {
            return false;
        }
        for (String token : tokens) {
            try {
                JsonNode position = token == null ? null : JSON.readTree(token);
                if (position != null && position.has("currentToken")) {
                    position = position.get("currentToken");
                }
                if (position == null || position.isNull() || !position.has("index") || position.get("index").asLong() < end) {
                    return false;
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(token, e);
            }
        }
        return true;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
}
