package se.molnkoll.security;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import se.molnkoll.support.Api;
import se.molnkoll.support.Rebuilds;
import se.molnkoll.support.TestClock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint against every role and against nobody: allowed means the request gets past
 * security (whatever the business answer), denied means 403, anonymous means 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleRulesTest {

    static final Set<String> EVERYONE = Set.of("manager", "auditor", "viewer", "admin", "riskowner");
    static final Set<String> AUDIT_READERS = Set.of("manager", "auditor");
    static final Set<String> MANAGER = Set.of("manager");
    static final Set<String> ADMIN = Set.of("admin");
    static final Set<String> RISK_OWNER = Set.of("riskowner");

    @LocalServerPort
    int port;
    String service;
    String evidence;
    /** A proposal left waiting for the risk owner. */
    String proposal;
    /** A task given to the auditor. */
    String task;

    record Endpoint(String method, String path, Object body, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    void aServiceToActOn() {
        Api manager = Api.at(port).as("manager");
        service = manager.post("/api/services", Map.of("name", "Rolltest", "vendor", "Moln AB", "serviceModel", "SAAS",
                "organisationUnit", "Regionstyrelsen", "owner", "Anna")).json().get("id").asText();
        manager.put("/api/services/" + service + "/classification", Map.of("confidentiality", 1, "integrity", 1,
                "availability", 1, "secrecy", false, "personalData", false));
        evidence = manager.post("/api/services/" + service + "/evidence", Map.of("measureIds", List.of(3),
                "phases", List.of("ACQUIRE"), "kind", "OTHER", "title", "t", "issuer", "i", "receivedOn", "2026-11-01"))
                .json().get("id").asText();
        String accepted = manager.post("/api/services/" + service + "/risk-proposals", Map.of("measureId", 8, "phase", "ACQUIRE",
                "residualRisk", "Ingen loggning", "motivation", "Låg risk", "validUntil", "2027-06-30")).json().get("id").asText();
        assertThat(Api.at(port).as("riskowner").post("/api/services/" + service + "/risk-proposals/" + accepted + "/approval",
                Map.of()).status()).isEqualTo(200);
        proposal = manager.post("/api/services/" + service + "/risk-proposals", Map.of("measureId", 9, "phase", "ACQUIRE",
                "residualRisk", "Väntar", "motivation", "Låg risk", "validUntil", "2027-06-30")).json().get("id").asText();
        task = manager.post("/api/services/" + service + "/tasks", Map.of("measureId", 27, "phase", "ACQUIRE",
                "assignee", "auditor", "dueOn", "2027-01-31")).json().get("id").asText();
        vendor = manager.post("/api/vendors", Map.of("name", "Rollmoln AB", "organisationNumber", "556012-5790", "country", "SE"))
                .json().get("id").asText();
        assertThat(manager.postFile("/api/services/" + service + "/evidence/" + evidence + "/document", "intyg.txt",
                "Intyg".getBytes(java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(201);
    }

    String vendor;

    Stream<Endpoint> endpoints() {
        String s = "/api/services/" + service;
        String now = "asOf=" + TestClock.CLOCK.instant();
        return Stream.of(
                new Endpoint("GET", "/api/catalogue", null, EVERYONE),
                new Endpoint("GET", "/api/catalogue/identity", null, EVERYONE),
                new Endpoint("GET", "/api/services", null, EVERYONE),
                new Endpoint("GET", s, null, EVERYONE),
                new Endpoint("GET", s + "/measures?phase=ACQUIRE", null, EVERYONE),
                new Endpoint("GET", "/api/totals", null, EVERYONE),
                new Endpoint("GET", "/api/dashboard", null, EVERYONE),
                new Endpoint("GET", "/api/certificates?status=EXPIRING", null, EVERYONE),
                new Endpoint("GET", s + "/evidence/" + evidence + "/document", null, AUDIT_READERS),
                new Endpoint("POST", s + "/evidence/" + evidence + "/document", Map.of(), MANAGER),
                new Endpoint("GET", "/api/audit", null, AUDIT_READERS),
                new Endpoint("GET", s + "/audit", null, AUDIT_READERS),
                new Endpoint("GET", "/api/services?" + now, null, AUDIT_READERS),
                new Endpoint("GET", s + "?" + now, null, AUDIT_READERS),
                new Endpoint("GET", s + "?validAt=2026-01-01", null, AUDIT_READERS),
                new Endpoint("GET", s + "/measures?phase=ACQUIRE&" + now, null, AUDIT_READERS),
                new Endpoint("GET", "/api/totals?validAt=2026-01-01", null, AUDIT_READERS),
                new Endpoint("GET", "/api/dashboard?" + now, null, AUDIT_READERS),
                new Endpoint("GET", "/api/certificates?status=EXPIRED&" + now, null, AUDIT_READERS),
                new Endpoint("GET", s + "/changes?from=2026-01-01", null, AUDIT_READERS),
                new Endpoint("GET", "/api/audit/export?format=csv", null, AUDIT_READERS),
                new Endpoint("GET", s + "/audit/export?format=json", null, AUDIT_READERS),
                new Endpoint("GET", "/api/audit/head", null, AUDIT_READERS),
                new Endpoint("GET", "/api/audit/verification", null, AUDIT_READERS),
                new Endpoint("POST", "/api/services", Map.of("name", "x"), MANAGER),
                new Endpoint("PUT", s + "/classification", Map.of("confidentiality", 9), MANAGER),
                new Endpoint("POST", s + "/evidence", Map.of("title", ""), MANAGER),
                new Endpoint("POST", s + "/evidence/" + evidence + "/withdrawal", Map.of("reason", ""), MANAGER),
                new Endpoint("POST", s + "/risk-proposals", Map.of("measureId", 24), MANAGER),
                // a body with a field it does not take: refused as bad input once past security, nothing decided
                new Endpoint("POST", s + "/risk-proposals/" + proposal + "/approval", Map.of("unexpected", "x"), RISK_OWNER),
                new Endpoint("POST", s + "/risk-proposals/" + proposal + "/rejection", Map.of("unexpected", "x"), RISK_OWNER),
                new Endpoint("GET", "/api/risk-proposals?state=PENDING", null, EVERYONE),
                new Endpoint("GET", "/api/risk-acceptances/ending", null, EVERYONE),
                new Endpoint("GET", "/api/tasks?mine=true", null, EVERYONE),
                new Endpoint("GET", "/api/reviews?pastDue=true", null, EVERYONE),
                new Endpoint("GET", "/api/catalogue/review-schedule", null, EVERYONE),
                new Endpoint("POST", s + "/reviews", Map.of("measureId", 38), MANAGER),
                new Endpoint("POST", s + "/tasks", Map.of("assignee", ""), MANAGER),
                new Endpoint("POST", s + "/tasks/" + task + "/reassignment", Map.of("assignee", ""), MANAGER),
                // the person it is given to, or a contract manager; the others are refused by the endpoint
                new Endpoint("POST", s + "/tasks/" + task + "/completion", Map.of(), Set.of("manager", "auditor")),
                new Endpoint("POST", s + "/operation", null, MANAGER),
                new Endpoint("POST", s + "/provider-changes", Map.of(), MANAGER),
                new Endpoint("POST", s + "/termination", Map.of(), MANAGER),
                new Endpoint("POST", s + "/decommissioning", null, MANAGER),
                new Endpoint("GET", "/actuator/metrics", null, ADMIN),
                new Endpoint("GET", "/api/admin/rebuild", null, ADMIN),
                new Endpoint("POST", "/api/admin/review-schedule", Map.of("measureId", 34), ADMIN),
                new Endpoint("POST", "/api/admin/country-rules", Map.of("country", "XX"), ADMIN),
                new Endpoint("GET", "/api/vendors", null, EVERYONE),
                new Endpoint("GET", "/api/vendors/" + vendor, null, EVERYONE),
                new Endpoint("GET", "/api/vendors?" + now, null, AUDIT_READERS),
                new Endpoint("GET", "/api/vendor-link-proposals", null, EVERYONE),
                new Endpoint("GET", "/api/locations?conflicts=true", null, EVERYONE),
                new Endpoint("GET", "/api/locations/export?format=csv-excel", null, EVERYONE),
                new Endpoint("GET", "/api/locations?" + now, null, AUDIT_READERS),
                new Endpoint("GET", "/api/country-rules", null, EVERYONE),
                new Endpoint("GET", s + "/locations", null, EVERYONE),
                new Endpoint("GET", s + "/locations/history", null, EVERYONE),
                new Endpoint("POST", "/api/vendors", Map.of("name", ""), MANAGER),
                new Endpoint("POST", "/api/vendors/" + vendor + "/corrections", Map.of("name", ""), MANAGER),
                new Endpoint("POST", "/api/vendors/" + vendor + "/contacts/SUPPORT", Map.of("unexpected", "x"), MANAGER),
                new Endpoint("POST", "/api/vendors/" + vendor + "/sub-processors", Map.of("name", ""), MANAGER),
                new Endpoint("POST", s + "/vendor-link", Map.of("vendorId", ""), MANAGER),
                new Endpoint("POST", s + "/locations", Map.of("storageCountries", List.of()), MANAGER),
                new Endpoint("GET", s + "/report", null, AUDIT_READERS),
                new Endpoint("GET", s + "/evidence-package", null, AUDIT_READERS),
                new Endpoint("GET", "/api/evidence-package?unit=Regionstyrelsen", null, AUDIT_READERS),
                new Endpoint("GET", "/api/reports/portfolio?format=xlsx", null, EVERYONE),
                new Endpoint("GET", "/api/reports/portfolio?" + now, null, AUDIT_READERS),
                // asking about another moment narrows a read; it never opens anything else
                new Endpoint("GET", "/api/admin/rebuild?asOf=", null, ADMIN),
                new Endpoint("GET", "/actuator/metrics?validAt=2026-01-01", null, ADMIN),
                new Endpoint("DELETE", s, null, Set.of()),
                new Endpoint("GET", "/api/nothing-here", null, Set.of()));
    }

    Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        endpoints().forEach(endpoint -> {
            for (String user : EVERYONE) cases.add(Arguments.of(endpoint, user));
            cases.add(Arguments.of(endpoint, null));
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void each_role_gets_exactly_what_it_should(Endpoint endpoint, String user) {
        Api api = user == null ? Api.at(port) : Api.at(port).as(user);
        Api.Response response = api.send(endpoint.method(), endpoint.path(), endpoint.body());
        if (user == null) {
            assertThat(response.status()).as(response.toString()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        } else if (endpoint.allowed().contains(user)) {
            // past security, and a real route (not 404/405), whatever the business answer
            assertThat(response.status()).as(response.toString()).isNotIn(401, 403, 404, 405).isLessThan(500);
        } else {
            assertThat(response.status()).as(response.toString()).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0} is public")
    @MethodSource("publicPaths")
    void health_and_the_api_description_are_public(String path) {
        assertThat(Api.at(port).get(path).status()).isEqualTo(200);
    }

    Stream<String> publicPaths() {
        return Stream.of("/actuator/health", "/v3/api-docs", "/swagger-ui/index.html");
    }

    @org.junit.jupiter.api.Test
    void only_the_audit_trails_readers_see_who_recorded_the_evidence() {
        String path = "/api/services/" + service;
        for (String reader : AUDIT_READERS) {
            var view = Api.at(port).as(reader).get(path).json();
            assertThat(view.get("evidence").get(0).get("recordedBy").asText()).as(reader).isEqualTo("manager");
            // an acceptance is recorded by the risk owner who approved it
            assertThat(view.get("riskAcceptances").get(0).get("recordedBy").asText()).as(reader).isEqualTo("riskowner");
        }
        for (String other : Set.of("viewer", "admin", "riskowner")) {
            var view = Api.at(port).as(other).get(path).json();
            assertThat(view.get("evidence").get(0).get("recordedBy").isNull()).as(other).isTrue();
            assertThat(view.get("evidence").get(0).get("title").asText()).isEqualTo("t");
            assertThat(view.get("riskAcceptances").get(0).get("recordedBy").isNull()).as(other).isTrue();
            assertThat(view.get("riskAcceptances").get(0).get("riskOwner").asText()).isEqualTo("riskowner");
            assertThat(view.get("riskAcceptances").get(0).get("proposedBy").asText()).isEqualTo("manager");
        }
    }

    @org.junit.jupiter.api.Test
    void only_an_admin_may_start_a_rebuild_of_the_read_models() {
        for (String user : Set.of("manager", "auditor", "viewer", "riskowner")) {
            assertThat(Api.at(port).as(user).post("/api/admin/rebuild", null).status()).as(user).isEqualTo(403);
        }
        assertThat(Api.at(port).post("/api/admin/rebuild", null).status()).isEqualTo(401);
        Api admin = Api.at(port).as("admin");
        assertThat(admin.post("/api/admin/rebuild", null).status()).isEqualTo(202);
        // the context is shared with other tests: let the rebuild finish before they read
        assertThat(Rebuilds.awaitEnd(admin).get("state").asText()).isEqualTo("DONE");
    }

    @org.junit.jupiter.api.Test
    void the_demo_users_exist_by_default_with_the_embedded_database() {
        // application-test.properties leaves molnkoll.demo-users to application.properties
        assertThat(Api.at(port).as("viewer").get("/api/catalogue").status()).isEqualTo(200);
    }

    @org.junit.jupiter.api.Test
    void a_wrong_password_is_refused() {
        Api.Response response = Api.at(port).withHeader("Authorization", "Basic bWFuYWdlcjp3cm9uZw==").get("/api/services");
        assertThat(response.status()).isEqualTo(401);
    }
}
