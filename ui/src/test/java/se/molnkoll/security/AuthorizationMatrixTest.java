package se.molnkoll.security;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import se.molnkoll.support.Api;
import se.molnkoll.support.Contract;
import se.molnkoll.support.ContractForMockMvc;
import se.molnkoll.support.TestClock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Every endpoint the application exposes, taken from Spring's own registry of request mappings,
 * against anonymous and each role. A new endpoint without a row here fails {@link #every_endpoint_has_a_rule()};
 * each row is then proven: allowed means past security (whatever the business answer), denied means
 * 403, anonymous means 401 (API) or a redirect to the login page (pages).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestClock.class, ContractForMockMvc.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    static final Set<String> ANYONE = Set.of("anonymous", "manager", "auditor", "viewer", "admin", "riskowner");
    static final Set<String> EVERY_ROLE = Set.of("manager", "auditor", "viewer", "admin", "riskowner");
    static final Set<String> AUDIT_READERS = Set.of("manager", "auditor");
    static final Set<String> MANAGER = Set.of("manager");
    static final Set<String> ADMIN = Set.of("admin");
    static final Set<String> RISK_OWNER = Set.of("riskowner");
    static final Map<String, RequestPostProcessor> USERS = Map.of(
            "manager", user("manager").roles("CONTRACT_MANAGER"), "auditor", user("auditor").roles("AUDITOR"),
            "viewer", user("viewer").roles("VIEWER"), "admin", user("admin").roles("ADMIN"),
            "riskowner", user("riskowner").roles("RISK_OWNER"));

    /**
     * The rule of every endpoint: "METHOD pattern" (with "?param" where a mapping needs a parameter)
     * to who may call it. The concrete request fills {id} and {evidenceId} with a real service and
     * evidence.
     */
    static final Map<String, Set<String>> RULES = new LinkedHashMap<>();

    static {
        // ---- API: reads
        RULES.put("GET /api/catalogue", EVERY_ROLE);
        RULES.put("GET /api/catalogue/identity", EVERY_ROLE);
        RULES.put("GET /api/services", EVERY_ROLE);
        RULES.put("GET /api/services/export", EVERY_ROLE);
        RULES.put("GET /api/services/{id}/measures/export", EVERY_ROLE);
        RULES.put("GET /api/certificates/export", EVERY_ROLE);
        RULES.put("GET /api/services/{id}", EVERY_ROLE);
        RULES.put("GET /api/services/{id}/measures", EVERY_ROLE);
        RULES.put("GET /api/totals", EVERY_ROLE);
        RULES.put("GET /api/dashboard", EVERY_ROLE);
        RULES.put("GET /api/certificates", EVERY_ROLE);
        RULES.put("GET /api/risk-proposals", EVERY_ROLE);
        RULES.put("GET /api/risk-acceptances/ending", EVERY_ROLE);
        RULES.put("GET /api/tasks", EVERY_ROLE);
        RULES.put("GET /api/reviews", EVERY_ROLE);
        RULES.put("GET /api/catalogue/review-schedule", EVERY_ROLE);
        RULES.put("GET /api/services/{id}/evidence/{evidenceId}/document", AUDIT_READERS);
        // ---- API: auditors
        RULES.put("GET /api/audit", AUDIT_READERS);
        RULES.put("GET /api/audit/export", AUDIT_READERS);
        RULES.put("GET /api/services/{id}/audit", AUDIT_READERS);
        RULES.put("GET /api/services/{id}/audit/export", AUDIT_READERS);
        RULES.put("GET /api/services/{id}/changes", AUDIT_READERS);
        RULES.put("GET /api/audit/head", AUDIT_READERS);
        RULES.put("GET /api/audit/verification", AUDIT_READERS);
        // ---- API: commands
        RULES.put("POST /api/services", MANAGER);
        RULES.put("PUT /api/services/{id}/classification", MANAGER);
        RULES.put("POST /api/services/{id}/evidence", MANAGER);
        RULES.put("POST /api/services/{id}/evidence/{evidenceId}/withdrawal", MANAGER);
        RULES.put("POST /api/services/{id}/evidence/{evidenceId}/document", MANAGER);
        RULES.put("POST /api/services/{id}/risk-proposals", MANAGER);
        RULES.put("POST /api/services/{id}/risk-proposals/{proposalId}/approval", RISK_OWNER);
        RULES.put("POST /api/services/{id}/risk-proposals/{proposalId}/rejection", RISK_OWNER);
        RULES.put("POST /api/services/{id}/tasks", MANAGER);
        RULES.put("POST /api/services/{id}/reviews", MANAGER);
        RULES.put("POST /api/services/{id}/tasks/{taskId}/reassignment", MANAGER);
        // every role past security; the endpoint then holds anyone but the assignee and a contract manager to 403 (RoleRulesTest)
        RULES.put("POST /api/services/{id}/tasks/{taskId}/completion", EVERY_ROLE);
        RULES.put("POST /api/services/{id}/operation", MANAGER);
        RULES.put("POST /api/services/{id}/provider-changes", MANAGER);
        RULES.put("POST /api/services/{id}/corrections", MANAGER);
        RULES.put("POST /api/services/{id}/archiving", MANAGER);
        RULES.put("POST /api/services/{id}/risk-acceptances/revocations", MANAGER);
        RULES.put("POST /api/services/{id}/termination", MANAGER);
        RULES.put("POST /api/services/{id}/decommissioning", MANAGER);
        // ---- API: import
        RULES.put("GET /api/imports/template", MANAGER);
        RULES.put("GET /api/imports/template/services.csv", MANAGER);
        RULES.put("GET /api/imports/template/evidence.csv", MANAGER);
        RULES.put("POST /api/imports/preview", MANAGER);
        RULES.put("POST /api/imports", MANAGER);
        RULES.put("GET /api/imports/{id}", MANAGER);
        // ---- API: administration
        RULES.put("POST /api/admin/rebuild", ADMIN);
        RULES.put("GET /api/admin/rebuild", ADMIN);
        RULES.put("POST /api/admin/review-schedule", ADMIN);
        RULES.put("POST /api/admin/country-rules", ADMIN);
        // ---- vendors and locations: everyone reads, contract managers record
        RULES.put("GET /api/vendors", EVERY_ROLE);
        RULES.put("GET /api/vendors/{id}", EVERY_ROLE);
        RULES.put("GET /api/vendor-link-proposals", EVERY_ROLE);
        RULES.put("GET /api/locations", EVERY_ROLE);
        RULES.put("GET /api/locations/export", EVERY_ROLE);
        RULES.put("GET /api/country-rules", EVERY_ROLE);
        RULES.put("GET /api/services/{id}/locations", EVERY_ROLE);
        RULES.put("GET /api/services/{id}/locations/history", EVERY_ROLE);
        RULES.put("POST /api/vendors", MANAGER);
        RULES.put("POST /api/vendors/{id}/corrections", MANAGER);
        RULES.put("POST /api/vendors/{id}/contacts/{purpose}", MANAGER);
        RULES.put("POST /api/vendors/{id}/sub-processors", MANAGER);
        RULES.put("POST /api/vendors/{id}/sub-processors/{subProcessorId}/changes", MANAGER);
        RULES.put("POST /api/vendors/{id}/sub-processors/{subProcessorId}/removal", MANAGER);
        RULES.put("POST /api/services/{id}/vendor-link", MANAGER);
        RULES.put("POST /api/services/{id}/vendor-evidence", MANAGER);
        RULES.put("POST /api/vendors/{id}/evidence", MANAGER);
        RULES.put("POST /api/vendors/{id}/evidence/{vendorEvidenceId}/withdrawal", MANAGER);
        RULES.put("POST /api/services/{id}/locations", MANAGER);
        RULES.put("GET /api/services/{id}/report", AUDIT_READERS);
        RULES.put("GET /api/services/{id}/evidence-package", AUDIT_READERS);
        RULES.put("GET /api/evidence-package", AUDIT_READERS);
        RULES.put("GET /api/reports/portfolio", EVERY_ROLE);
        // ---- pages
        RULES.put("GET /login", ANYONE);
        RULES.put("GET /", EVERY_ROLE);
        RULES.put("GET /services/export", EVERY_ROLE);
        RULES.put("GET /services/{id}/measures/export", EVERY_ROLE);
        RULES.put("GET /certificates/export", EVERY_ROLE);
        RULES.put("GET /services/import", MANAGER);
        RULES.put("POST /services/import", MANAGER);
        RULES.put("GET /services/import/template.xlsx", MANAGER);
        RULES.put("GET /services/import/template-services.csv", MANAGER);
        RULES.put("GET /services/import/template-evidence.csv", MANAGER);
        RULES.put("POST /services/import/{token}", MANAGER);
        RULES.put("GET /services/import/runs/{id}", MANAGER);
        RULES.put("GET /services/import/runs/{id}/progress", MANAGER);
        RULES.put("GET /services", EVERY_ROLE);
        RULES.put("GET /services/{id}", EVERY_ROLE);
        RULES.put("GET /catalogue", EVERY_ROLE);
        RULES.put("GET /risks", EVERY_ROLE);
        RULES.put("GET /tasks", EVERY_ROLE);
        RULES.put("GET /reviews", EVERY_ROLE);
        RULES.put("GET /services/{id}/changes", AUDIT_READERS);
        RULES.put("GET /services/{id}/evidence/{evidenceId}/document", AUDIT_READERS);
        RULES.put("GET /services/{id}/report", AUDIT_READERS);
        RULES.put("GET /services/{id}/evidence-package", AUDIT_READERS);
        RULES.put("GET /services/evidence-package", AUDIT_READERS);
        RULES.put("GET /reports/portfolio", EVERY_ROLE);
        RULES.put("GET /audit", AUDIT_READERS);
        RULES.put("GET /audit/export", AUDIT_READERS);
        RULES.put("GET /audit/verification", AUDIT_READERS);
        RULES.put("GET /admin", ADMIN);
        RULES.put("GET /admin/rebuild", ADMIN);
        RULES.put("POST /admin/rebuild", ADMIN);
        RULES.put("GET /admin/reviews", ADMIN);
        RULES.put("GET /admin/countries", ADMIN);
        RULES.put("POST /admin/countries", ADMIN);
        RULES.put("GET /vendors", EVERY_ROLE);
        RULES.put("GET /vendors/{id}", EVERY_ROLE);
        RULES.put("GET /locations", EVERY_ROLE);
        RULES.put("GET /locations/export", EVERY_ROLE);
        RULES.put("GET /vendors/new", MANAGER);
        RULES.put("POST /vendors/new", MANAGER);
        RULES.put("GET /vendors/links", MANAGER);
        RULES.put("POST /vendors/links", MANAGER);
        RULES.put("GET /vendors/{id}/correction", MANAGER);
        RULES.put("POST /vendors/{id}/correction", MANAGER);
        RULES.put("POST /vendors/{id}/contacts", MANAGER);
        RULES.put("GET /vendors/{id}/sub-processors/new", MANAGER);
        RULES.put("POST /vendors/{id}/sub-processors/new", MANAGER);
        RULES.put("GET /vendors/{id}/sub-processors/{subProcessorId}/change", MANAGER);
        RULES.put("POST /vendors/{id}/sub-processors/{subProcessorId}/change", MANAGER);
        RULES.put("POST /vendors/{id}/sub-processors/{subProcessorId}/removal", MANAGER);
        RULES.put("GET /services/{id}/locations", MANAGER);
        RULES.put("POST /services/{id}/locations", MANAGER);
        RULES.put("POST /services/{id}/vendor-link", MANAGER);
        RULES.put("GET /services/{id}/vendor-evidence", MANAGER);
        RULES.put("POST /services/{id}/vendor-evidence", MANAGER);
        RULES.put("GET /vendors/{id}/evidence/new", MANAGER);
        RULES.put("POST /vendors/{id}/evidence/new", MANAGER);
        RULES.put("POST /vendors/{id}/evidence/{vendorEvidenceId}/withdrawal", MANAGER);
        RULES.put("POST /admin/reviews", ADMIN);
        RULES.put("GET /services/new", MANAGER);
        RULES.put("POST /services/new", MANAGER);
        RULES.put("GET /services/{id}/classification", MANAGER);
        RULES.put("POST /services/{id}/classification", MANAGER);
        RULES.put("POST /services/{id}/classification/preview", MANAGER);
        RULES.put("GET /services/{id}/evidence/new", MANAGER);
        RULES.put("POST /services/{id}/evidence/new", MANAGER);
        RULES.put("POST /services/{id}/evidence/{evidenceId}/withdrawal", MANAGER);
        RULES.put("POST /services/{id}/evidence/{evidenceId}/document", MANAGER);
        RULES.put("GET /services/{id}/risk-acceptance", MANAGER);
        RULES.put("POST /services/{id}/risk-acceptance", MANAGER);
        RULES.put("GET /services/{id}/provider-change", MANAGER);
        RULES.put("POST /services/{id}/provider-change", MANAGER);
        RULES.put("GET /services/{id}/termination", MANAGER);
        RULES.put("POST /services/{id}/termination", MANAGER);
        RULES.put("GET /services/{id}/correction", MANAGER);
        RULES.put("POST /services/{id}/correction", MANAGER);
        RULES.put("POST /services/{id}/archiving", MANAGER);
        RULES.put("POST /services/{id}/risk-acceptance/revocation", MANAGER);
        RULES.put("POST /services/{id}/risk-proposals/{proposalId}/approval", RISK_OWNER);
        RULES.put("POST /services/{id}/risk-proposals/{proposalId}/rejection", RISK_OWNER);
        RULES.put("GET /services/{id}/tasks/new", MANAGER);
        RULES.put("POST /services/{id}/reviews", MANAGER);
        RULES.put("POST /services/{id}/tasks/new", MANAGER);
        RULES.put("POST /services/{id}/tasks/{taskId}/reassignment", MANAGER);
        RULES.put("POST /services/{id}/tasks/{taskId}/completion", EVERY_ROLE);
        RULES.put("POST /services/{id}/operation", MANAGER);
        RULES.put("POST /services/{id}/decommissioning", MANAGER);
        // ---- actuator: health for load balancers, metrics for administrators, nothing else exposed
        RULES.put("GET /actuator", ADMIN);
        RULES.put("GET /actuator/health", ANYONE);
        RULES.put("GET /actuator/health/**", ANYONE);
        RULES.put("GET /actuator/metrics", ADMIN);
        RULES.put("GET /actuator/metrics/{requiredMetricName}", ADMIN);
        // ---- framework: the error page, the OpenAPI document and Swagger UI are open
        RULES.put("GET /error", ANYONE);
        RULES.put("GET /v3/api-docs", ANYONE);
        RULES.put("GET /v3/api-docs.yaml", ANYONE);
        RULES.put("GET /v3/api-docs/swagger-config", ANYONE);
        RULES.put("GET /swagger-ui.html", ANYONE);
        RULES.put("GET /swagger-ui*/**", ANYONE);
        RULES.put("GET /swagger-ui*/*swagger-initializer.js", ANYONE);
        // ---- static resources: the style sheet, the icon, htmx (other paths under /** are denied)
        RULES.put("GET /webjars/**", ANYONE);
        RULES.put("GET /**", ANYONE);
    }

    /** A concrete request for a pattern that is not a plain path. */
    static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("GET /swagger-ui*/**", "/swagger-ui/index.html"),
            Map.entry("GET /swagger-ui*/*swagger-initializer.js", "/swagger-ui/swagger-initializer.js"),
            Map.entry("GET /webjars/**", "/webjars/htmx.org/dist/htmx.min.js"),
            Map.entry("GET /**", "/css/molnkoll.css"),
            Map.entry("GET /actuator/health/**", "/actuator/health/liveness"),
            Map.entry("GET /api/services/export", "/api/services/export?format=xlsx"),
            Map.entry("GET /api/services/{id}/measures/export", "/api/services/{id}/measures/export?format=xlsx"),
            Map.entry("GET /api/certificates/export", "/api/certificates/export?format=xlsx"),
            Map.entry("GET /api/locations/export", "/api/locations/export?format=xlsx"),
            Map.entry("GET /services/export", "/services/export?format=xlsx"),
            Map.entry("GET /services/{id}/measures/export", "/services/{id}/measures/export?format=xlsx"),
            Map.entry("GET /certificates/export", "/certificates/export?format=xlsx"),
            Map.entry("POST /services/import/{token}", "/services/import/00000000-0000-4000-8000-000000000000"));

    @Autowired
    MockMvc mvc;
    /** The controllers' mappings and the actuator's. */
    @Autowired
    List<org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping> mappings;
    /** Static resources and other URL-pattern handlers (webjars, the style sheet, Swagger UI). */
    @Autowired
    List<org.springframework.web.servlet.handler.AbstractUrlHandlerMapping> urlMappings;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    String service;
    String evidence;

    @BeforeAll
    void aServiceWithEvidence() {
        TestClock.CLOCK.set(TestClock.TODAY);
        Api manager = Api.at(port).as("manager");
        service = manager.post("/api/services", Map.of("name", "Matris", "vendor", "Moln AB", "serviceModel", "SAAS",
                "organisationUnit", "Regionstyrelsen", "owner", "Anna")).json().get("id").asText();
        manager.put("/api/services/" + service + "/classification", Map.of("confidentiality", 1, "integrity", 1,
                "availability", 1, "secrecy", false, "personalData", false));
        evidence = manager.post("/api/services/" + service + "/evidence", Map.of("measureIds", List.of(3),
                "phases", List.of("ACQUIRE"), "kind", "OTHER", "title", "t", "issuer", "i", "receivedOn", "2026-11-01"))
                .json().get("id").asText();
    }

    /** Every endpoint in Spring's registry, as "METHOD pattern" (+ "?param" for a required parameter). */
    Set<String> exposed() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.stream().flatMap(m -> m.getHandlerMethods().keySet().stream()).toList()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            String params = info.getParamsCondition().getExpressions().stream()
                    .filter(e -> !e.isNegated()).map(e -> "?" + e.getName()).findFirst().orElse("");
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(method + " " + pattern + params);
                }
            }
        }
        for (var mapping : urlMappings) {
            mapping.getHandlerMap().keySet().forEach(pattern -> endpoints.add("GET " + pattern));
        }
        return endpoints;
    }

    @Test
    void every_endpoint_has_a_rule() {
        Set<String> exposed = exposed();
        assertThat(exposed).as("endpoints without a rule in AuthorizationMatrixTest.RULES").isSubsetOf(RULES.keySet());
        assertThat(RULES.keySet()).as("rules for endpoints that no longer exist").isSubsetOf(exposed);
    }

    /**
     * openapi.yaml states each operation's roles (x-molnkoll-roles, generated from ApiAccess, the table
     * the security chain enforces); they are the roles this matrix proves the server holds to, and every
     * API endpoint here is an operation there.
     */
    @Test
    void the_published_document_states_the_roles_this_matrix_proves() {
        OpenAPI document = new OpenAPIV3Parser().read(Contract.DOCUMENT.toString());
        Set<String> operations = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String endpoint = method + " " + path;
            operations.add(endpoint);
            assertThat(roleNames(operation.getExtensions().get("x-molnkoll-roles"))).as(endpoint)
                    .isEqualTo(RULES.get(endpoint));
            Object history = operation.getExtensions().get("x-molnkoll-roles-for-another-moment");
            boolean asksAboutMoments = operation.getParameters() != null
                    && operation.getParameters().stream().anyMatch(p -> p.getName().equals("asOf"));
            if (asksAboutMoments) {
                assertThat(roleNames(history)).as(endpoint + " with asOf").isEqualTo(AUDIT_READERS);
            } else {
                assertThat(history).as(endpoint).isNull();
            }
        }));
        assertThat(operations).as("API endpoints of the matrix that the document lacks")
                .containsAll(RULES.keySet().stream().filter(rule -> rule.contains(" /api/")).toList());
    }

    private static Set<String> roleNames(Object roles) {
        Map<String, String> users = Map.of("CONTRACT_MANAGER", "manager", "AUDITOR", "auditor", "VIEWER", "viewer",
                "ADMIN", "admin", "RISK_OWNER", "riskowner");
        Set<String> names = new TreeSet<>();
        if (roles instanceof List<?> list) list.forEach(role -> names.add(users.get(role.toString())));
        return names;
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHolds() {
        return RULES.entrySet().stream().flatMap(rule -> ANYONE.stream().map(who -> DynamicTest.dynamicTest(
                rule.getKey() + " as " + who, () -> {
                    MvcResult result = mvc.perform(requestFor(rule.getKey(), who)).andReturn();
                    int status = result.getResponse().getStatus();
                    if (rule.getValue().contains(who)) {
                        assertThat(status).as("allowed").isNotIn(401, 403);
                        assertThat(result.getResponse().getRedirectedUrl()).as("allowed, not sent to log in")
                                .satisfiesAnyOf(url -> assertThat(url).isNull(), url -> assertThat(url).doesNotContain("/login"));
                    } else if (who.equals("anonymous")) {
                        boolean api = rule.getKey().matches("\\w+ /(api|actuator)(/.*)?");
                        if (api) {
                            assertThat(status).as("anonymous on the API").isEqualTo(401);
                        } else {
                            assertThat(result.getResponse().getRedirectedUrl()).as("anonymous on a page").endsWith("/login");
                        }
                    } else {
                        assertThat(status).as("denied").isEqualTo(403);
                    }
                })));
    }

    private MockHttpServletRequestBuilder requestFor(String rule, String who) {
        String[] parts = rule.split(" ", 2);
        String path = SAMPLES.getOrDefault(rule, parts[1]).replace("{id}", service)
                .replace("{evidenceId}", evidence).replace("{proposalId}", "00000000-0000-4000-8000-00000000beef")
                .replace("{taskId}", "00000000-0000-4000-8000-00000000cafe")
                .replace("{subProcessorId}", "00000000-0000-4000-8000-0000000000f1").replace("{purpose}", "SUPPORT")
                .replace("{vendorEvidenceId}", "00000000-0000-4000-8000-0000000000e1")
                .replace("?format", "?format=csv")
                .replace("{requiredMetricName}", "jvm.memory.used");
        MockHttpServletRequestBuilder request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(HttpMethod.valueOf(parts[0]), path);
        // the pages' forms carry a CSRF token; the API is stateless and takes no such parameter
        if (!path.startsWith("/api/")) request.with(csrf());
        return who.equals("anonymous") ? request : request.with(USERS.get(who));
    }
}
