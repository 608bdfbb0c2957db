package se.molnkoll.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.molnkoll.support.Api;
import se.molnkoll.support.TestClock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.support.TestClock.TODAY;

/**
 * What the HTTP scenarios share: the running application, its users signed in, and the steps a
 * contract manager takes, each checked to succeed. The clock is back at noon {@link TestClock#TODAY}
 * before each scenario.
 */
abstract class Scenarios {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.axonframework.commandhandling.gateway.CommandGateway commandGateway;
    @Autowired
    se.molnkoll.jobs.ExpirySweep expirySweep;

    Api manager;
    Api auditor;
    Api riskOwner;

    @BeforeEach
    void signIn() {
        TestClock.CLOCK.set(TODAY);
        Api api = Api.at(port);
        manager = api.as("manager");
        auditor = api.as("auditor");
        riskOwner = api.as("riskowner");
    }

    // ---- helpers ---------------------------------------------------------------------------

    @Autowired
    se.molnkoll.query.api.ReadModels readModels;

    /**
     * The expiry sweep, then a wait until every read model shows what it recorded: the sweep sends its
     * commands through the gateway, without the read-your-writes wait the API has.
     */
    void sweep() {
        expirySweep.sweep();
        String newest = jdbc.queryForObject("select aggregate_identifier from domain_event_entry order by global_index desc"
                + " limit 1", String.class);
        if (newest != null) {
            assertThat(readModels.awaitVisible(se.molnkoll.kernel.CloudServiceId.of(newest))).isTrue();
        }
    }

    /** The manager proposes accepting the residual risk of a measure in a phase through a day; the risk owner approves it. */
    String acceptRisk(String id, int measure, String phase, String until, String residualRisk) {
        Api.Response proposed = manager.post("/api/services/" + id + "/risk-proposals", Map.of("measureId", measure,
                "phase", phase, "residualRisk", residualRisk, "motivation", "Leverantören erbjuder det inte", "validUntil", until));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String proposal = proposed.json().get("id").asText();
        Api.Response approved = riskOwner.post("/api/services/" + id + "/risk-proposals/" + proposal + "/approval",
                Map.of("note", "Godkänt"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return proposal;
    }

    /** Every open measure of acquisition and operation covered by one contract, then into operation. */
    void intoOperation(String id) {
        java.util.Set<Integer> all = new java.util.TreeSet<>(measures(id, "ACQUIRE", "OPEN"));
        all.addAll(measures(id, "OPERATE", "OPEN"));
        recordEvidence(id, List.copyOf(all), List.of("ACQUIRE", "OPERATE"), null);
        Api.Response started = manager.post("/api/services/" + id + "/operation", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
    }

    String register(String name) {
        Api.Response created = manager.post("/api/services", Map.of("name", name, "vendor", "Moln AB",
                "serviceModel", "SAAS", "organisationUnit", "Regionstyrelsen", "owner", "Anna Andersson"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    Map<String, Object> classification(int k, int r, int t, boolean secrecy, boolean personalData) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("confidentiality", k);
        body.put("integrity", r);
        body.put("availability", t);
        body.put("secrecy", secrecy);
        body.put("personalData", personalData);
        body.put("allowedLocations", List.of("SE", "EU/EEA"));
        body.put("ownershipRequirement", "Leverantören får inte lyda under tredjelands jurisdiktion");
        body.put("decisionReference", "RS 2026-117");
        return body;
    }

    void classify(String id, int k, int r, int t, boolean secrecy, boolean personalData) {
        Api.Response response = manager.put("/api/services/" + id + "/classification", classification(k, r, t, secrecy, personalData));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    Map<String, Object> evidence(List<Integer> measures, List<String> phases, String validUntil) {
        Map<String, Object> body = new HashMap<>();
        body.put("measureIds", measures);
        body.put("phases", phases);
        body.put("kind", "CERTIFICATE");
        body.put("title", "ISO/IEC 27001-certifikat");
        body.put("issuer", "Certifieringsorgan AB");
        body.put("receivedOn", TODAY.minusDays(3).toString());
        body.put("validUntil", validUntil);
        body.put("documentSha256", "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08");
        return body;
    }

    String recordEvidence(String id, List<Integer> measures, List<String> phases, String validUntil) {
        Api.Response response = manager.post("/api/services/" + id + "/evidence", evidence(measures, phases, validUntil));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    /** The ids of the service's applicable measures of a phase, optionally only those with a status. */
    List<Integer> measures(String id, String phase, String status) {
        Api.Response response = manager.get("/api/services/" + id + "/measures?phase=" + phase);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<Integer> ids = new ArrayList<>();
        for (JsonNode m : response.json()) {
            assertThat(m.get("phase").asText()).isEqualTo(phase);
            if (status == null || status.equals(m.get("status").asText())) ids.add(m.get("measureId").asInt());
        }
        return ids;
    }

    String statusOf(String id, int measure, String phase) {
        for (JsonNode m : manager.get("/api/services/" + id).json().get("measures")) {
            if (m.get("measureId").asInt() == measure && m.get("phase").asText().equals(phase)) {
                return m.get("status").asText();
            }
        }
        throw new AssertionError("measure " + measure + " " + phase + " does not apply");
    }

    /** Every service of the register, page by page (500 a page), as the API lists them with these parameters. */
    static com.fasterxml.jackson.databind.node.ArrayNode register(Api api, String parameters) {
        com.fasterxml.jackson.databind.node.ArrayNode all = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (int page = 0; ; page++) {
            JsonNode one = api.get("/api/services?size=500&page=" + page + (parameters.isEmpty() ? "" : "&" + parameters)).json();
            all.addAll((com.fasterxml.jackson.databind.node.ArrayNode) one.get("services"));
            if (page + 1 >= one.get("totalPages").asInt()) return all;
        }
    }

    JsonNode summaryOf(String id) {
        for (JsonNode s : register(manager, "")) {
            if (s.get("id").asText().equals(id)) return s;
        }
        throw new AssertionError("service " + id + " is not in the register");
    }

    long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    long storedEventsOf(String serviceId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, serviceId);
    }

    static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).toList();
    }

}
