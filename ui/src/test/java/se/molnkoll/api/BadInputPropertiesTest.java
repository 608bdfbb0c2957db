package se.molnkoll.api;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import se.molnkoll.support.Api;
import se.molnkoll.support.RunningMolnkoll;
import se.molnkoll.support.TestClock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random and malformed commands against a running Molnkoll (embedded database, real
 * HTTP): bodies shaped like the real ones with wrong, missing, extra, out-of-range and hostile
 * values, and bodies that are not JSON at all, sent to every command endpoint for known, unknown
 * and nonsense service ids. Whatever comes: never a server error, a refusal is problem+json, and
 * the event store grows only when a command is accepted.
 */
class BadInputPropertiesTest {

    private static RunningMolnkoll molnkoll;
    private static Api manager;
    private static JdbcTemplate jdbc;
    /** Services that exist, so that some of the commands get past the id to their body. */
    private static final List<String> SERVICES = new ArrayList<>();
    private static final List<String> EVIDENCE = new ArrayList<>();

    @BeforeContainer
    static void start() {
        molnkoll = RunningMolnkoll.start();
        manager = molnkoll.api().as("manager");
        jdbc = molnkoll.bean(JdbcTemplate.class);
        for (int i = 0; i < 12; i++) {
            Api.Response created = manager.post("/api/services", Map.of("name", "Tjänst " + i, "vendor", "Moln AB",
                    "serviceModel", "SAAS", "organisationUnit", "Regionstyrelsen", "owner", "Anna"));
            String id = created.json().get("id").asText();
            SERVICES.add(id);
            manager.put("/api/services/" + id + "/classification", Map.of("confidentiality", 2, "integrity", 2,
                    "availability", 2, "secrecy", false, "personalData", true, "allowedLocations", List.of("SE")));
            Api.Response evidence = manager.post("/api/services/" + id + "/evidence", Map.of("measureIds", List.of(27),
                    "phases", List.of("ACQUIRE"), "kind", "CERTIFICATE", "title", "Intyg", "issuer", "Cert AB",
                    "receivedOn", TestClock.TODAY.minusDays(3).toString()));
            EVIDENCE.add(evidence.json().get("id").asText());
        }
    }

    @AfterContainer
    static void stop() {
        molnkoll.close();
    }

    @Property(tries = 2500)
    void no_input_makes_a_server_error_and_only_accepted_commands_record_events(@ForAll("commands") Request request) {
        long before = events();
        Api.Response response = manager.send(request.method(), request.path(), request.body());
        long recorded = events() - before;

        assertThat(response.status()).as("%s → %s", request, response).isBetween(200, 499);
        if (response.status() >= 400) {
            assertThat(response.contentType()).as("%s → %s", request, response).startsWith("application/problem+json");
            assertThat(response.body()).as("no stack trace leaves the server").doesNotContain("at se.molnkoll", "Exception:");
            assertThat(recorded).as("a refused command records nothing: %s → %s", request, response).isZero();
        } else {
            assertThat(recorded).as("an accepted command records its events: %s → %s", request, response).isPositive();
        }
        Statistics.label("outcome").collect(response.status() >= 400 ? "refused" : "accepted");
        // the generator must reach both: the bodies good enough to be recorded, and the many ways to be refused
        Statistics.label("outcome").coverage(check -> {
            check.check("accepted").count(n -> n >= 20);
            check.check("refused").percentage(p -> p >= 50);
        });
    }

    record Request(String method, String path, Object body) {
    }

    @Provide
    Arbitrary<Request> commands() {
        Arbitrary<String> service = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(SERVICES)),
                Tuple.of(1, Arbitraries.create(() -> UUID.randomUUID().toString())),
                Tuple.of(1, Arbitraries.of("x", "..%2F..", "%00", "null", "-1", " ", "a".repeat(300),
                        "00000000-0000-0000-0000-000000000000", "ÅÄÖ")));
        Arbitrary<String> evidence = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(EVIDENCE)),
                Tuple.of(1, Arbitraries.create(() -> UUID.randomUUID().toString())), Tuple.of(1, Arbitraries.of("x", " ")));
        Arbitrary<Endpoint> endpoints = Arbitraries.frequency(Arrays.stream(Endpoint.values())
                .map(e -> Tuple.of(e == Endpoint.DECOMMISSIONING || e == Endpoint.TERMINATION ? 1 : 10, e))
                .toArray(Tuple.Tuple2[]::new));
        return endpoints.flatMap(endpoint -> {
            Arbitrary<String> method = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just(endpoint.method)),
                    Tuple.of(1, Arbitraries.of("PUT", "POST", "PATCH", "DELETE")));
            Arbitrary<String> path = Combinators.combine(service, evidence)
                    .as((s, e) -> endpoint.path.replace("{id}", segment(s)).replace("{evidenceId}", segment(e)));
            Arbitrary<Object> body = Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.just(endpoint.template())),
                    Tuple.of(3, mutated(endpoint.template())),
                    Tuple.of(2, shapedBody()),
                    Tuple.of(1, notJson()),
                    Tuple.of(1, Arbitraries.of(List.of(), List.of(1, 2), 42, "\"text\"", true)));
            return Combinators.combine(method, path, body).as(Request::new);
        });
    }

    /** The command endpoints, each with its method and a body it accepts. */
    enum Endpoint {
        REGISTER("POST", "/api/services"),
        CLASSIFY("PUT", "/api/services/{id}/classification"),
        EVIDENCE("POST", "/api/services/{id}/evidence"),
        WITHDRAW("POST", "/api/services/{id}/evidence/{evidenceId}/withdrawal"),
        RISK("POST", "/api/services/{id}/risk-proposals"),
        OPERATION("POST", "/api/services/{id}/operation"),
        PROVIDER_CHANGE("POST", "/api/services/{id}/provider-changes"),
        TERMINATION("POST", "/api/services/{id}/termination"),
        DECOMMISSIONING("POST", "/api/services/{id}/decommissioning");

        final String method;
        final String path;

        Endpoint(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Map<String, Object> template() {
            Map<String, Object> body = new LinkedHashMap<>();
            switch (this) {
                case REGISTER -> body.putAll(Map.of("name", "Tjänst", "vendor", "Moln AB", "serviceModel", "SAAS",
                        "organisationUnit", "Regionstyrelsen", "owner", "Anna"));
                case CLASSIFY -> body.putAll(Map.of("confidentiality", 2, "integrity", 2, "availability", 2,
                        "secrecy", false, "personalData", true, "allowedLocations", List.of("SE")));
                case EVIDENCE -> body.putAll(Map.of("measureIds", List.of(27), "phases", List.of("ACQUIRE"),
                        "kind", "CERTIFICATE", "title", "Intyg", "issuer", "Cert AB",
                        "receivedOn", TestClock.TODAY.minusDays(3).toString()));
                case WITHDRAW -> body.put("reason", "Ersatt");
                case RISK -> body.putAll(Map.of("measureId", 27, "phase", "ACQUIRE", "residualRisk", "Ingen loggning",
                        "motivation", "Låg risk", "validUntil", TestClock.TODAY.plusDays(90).toString()));
                case PROVIDER_CHANGE -> body.putAll(Map.of("description", "Ny underleverantör",
                        "changedOn", TestClock.TODAY.toString()));
                case TERMINATION -> body.putAll(Map.of("terminatedOn", TestClock.TODAY.toString(), "reason", "Upphandlas"));
                case OPERATION, DECOMMISSIONING -> {
                }
            }
            return body;
        }
    }

    /** A body the endpoint accepts with one field dropped, or set to a random good or bad value, or one added. */
    private static Arbitrary<Object> mutated(Map<String, Object> template) {
        Map<String, Arbitrary<Object>> values = fieldValues();
        List<String> fields = new ArrayList<>(values.keySet());
        return Combinators.combine(Arbitraries.of(fields), Arbitraries.of(true, false)).flatAs((field, drop) ->
                values.get(field).map(value -> {
                    Map<String, Object> body = new LinkedHashMap<>(template);
                    if (drop && body.containsKey(field)) {
                        body.remove(field);
                    } else {
                        body.put(field, value);
                    }
                    return (Object) body;
                }));
    }

    /** A JSON object with some of the fields the commands take (and maybe others), each a random good or bad value. */
    private static Arbitrary<Object> shapedBody() {
        Map<String, Arbitrary<Object>> fields = fieldValues();
        List<String> names = new ArrayList<>(fields.keySet());
        return Arbitraries.of(names).set().ofMaxSize(names.size()).flatMap(chosen -> {
            List<String> keys = new ArrayList<>(chosen);
            List<Arbitrary<Object>> values = keys.stream().map(fields::get).toList();
            return Combinators.combine(values).as(list -> {
                Map<String, Object> body = new LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    body.put(keys.get(i), list.get(i));
                }
                return (Object) body;
            });
        });
    }

    /** Every field any command takes, and one it does not, each with good, bad and hostile values. */
    private static Map<String, Arbitrary<Object>> fieldValues() {
        Map<String, Arbitrary<Object>> fields = new LinkedHashMap<>();
        fields.put("name", text());
        fields.put("vendor", text());
        fields.put("serviceModel", Arbitraries.of("SAAS", "PAAS", "IAAS", "saas", "", "ON_PREM").map(v -> v));
        fields.put("organisationUnit", text());
        fields.put("owner", text());
        fields.put("confidentiality", number());
        fields.put("integrity", number());
        fields.put("availability", number());
        fields.put("secrecy", Arbitraries.of(true, false, "yes", 1).map(v -> v));
        fields.put("personalData", Arbitraries.of(true, false, "no", 0).map(v -> v));
        fields.put("allowedLocations", Arbitraries.of(List.of("SE"), List.of("EU/EEA"), List.of("Mars"), List.of(), "SE")
                .map(v -> v));
        fields.put("measureIds", Arbitraries.oneOf(number().list().ofMaxSize(5).map(v -> v),
                Arbitraries.of(List.of(27), List.of(1, 42), List.of(0, 43)).map(v -> v)));
        fields.put("phases", Arbitraries.of(List.of("ACQUIRE"), List.of("OPERATE", "EXIT"), List.of("LATER"), List.of())
                .map(v -> v));
        fields.put("kind", Arbitraries.of("CERTIFICATE", "AUDIT_REPORT", "CONTRACT_CLAUSE", "RUMOUR").map(v -> v));
        fields.put("title", text());
        fields.put("issuer", text());
        fields.put("receivedOn", date());
        fields.put("validFrom", date());
        fields.put("validUntil", date());
        fields.put("documentSha256", Arbitraries.of("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08",
                "abc", "").map(v -> v));
        fields.put("reason", text());
        fields.put("measureId", number());
        fields.put("phase", Arbitraries.of("ACQUIRE", "OPERATE", "EXIT", "NOW").map(v -> v));
        fields.put("residualRisk", text());
        fields.put("motivation", text());
        fields.put("description", text());
        fields.put("changedOn", date());
        fields.put("terminatedOn", date());
        fields.put("unexpected", text());
        return fields;
    }

    private static Arbitrary<Object> text() {
        return Arbitraries.oneOf(
                Arbitraries.of("Moln AB", "Anna", "Intyg", "Ersatt").map(v -> v),
                Arbitraries.strings().ofMaxLength(40).map(v -> v),
                Arbitraries.of("", " ", "a".repeat(5000), "<script>alert(1)</script>", "'; drop table x; --", "\u0000")
                        .map(v -> v),
                Arbitraries.just(null),
                Arbitraries.integers().map(v -> v));
    }

    private static Arbitrary<Object> number() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-2, 45).map(v -> v),
                Arbitraries.of(Integer.MAX_VALUE, Long.MAX_VALUE, 1.5, "2", "").map(v -> v), Arbitraries.just(null));
    }

    private static Arbitrary<Object> date() {
        return Arbitraries.oneOf(
                Arbitraries.of("2026-01-02", "2025-12-31", "2026-11-27", "2099-01-01", "0001-01-01", "2026-02-30",
                        "27/11/2026", "", "tomorrow").map(v -> v),
                Arbitraries.integers().between(-30_000, 30_000).map(days -> (Object) java.time.LocalDate.of(2026, 1, 1)
                        .plusDays(days).toString()),
                Arbitraries.just(null));
    }

    private static Arbitrary<Object> notJson() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200).map(v -> v),
                Arbitraries.of("{", "{\"name\": ", "[", "{\"name\": \"x\",}", "{'name': 'x'}", "\"text\"", "{\"a\":"
                        + "[".repeat(2000), "{\"measureIds\": [27, ]}", "NaN").map(v -> v));
    }

    /** Any text as a URL path segment: whatever it holds reaches the server as that segment. */
    private static String segment(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static long events() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }
}
