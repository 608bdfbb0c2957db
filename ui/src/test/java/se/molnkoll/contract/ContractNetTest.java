package se.molnkoll.contract;

import org.junit.jupiter.api.Test;
import se.molnkoll.support.Contract;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The net ({@link Contract}) catches each kind of disagreement between a server and openapi.yaml that
 * a client of the API was hurt by before the document was made exact: each exchange here is what the
 * server would send if it drifted from the document again, checked against the real openapi.yaml.
 * The API tests pass through the same net with what the server really sends.
 */
class ContractNetTest {

    static final String SERVICE = "/api/services/5f0c4c56-7a1a-4d0e-9a77-1f3b2c9d8e7f";
    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";
    static final String CORRELATION = "X-Correlation-Id";

    @Test
    void an_answer_that_agrees_with_the_document_passes() {
        assertThat(Contract.mismatches(get("/api/catalogue/identity", 200, JSON, """
                {"routine":"Informationssäkerhet för extern molntjänst","organisation":"Region","documentId":"D-1",
                 "version":"1.0","validFrom":"2025-01-01","validUntil":"2027-12-31"}"""))).isEmpty();
    }

    @Test
    void a_null_where_the_document_allows_none_is_caught() {
        assertThat(Contract.mismatches(get("/api/audit/head", 200, JSON, """
                {"links":0,"position":null,"eventIdentifier":null,"hash":null,"chainedAt":null,"storedEvents":null}""")))
                .anyMatch(m -> m.contains("storedEvents"));
    }

    @Test
    void a_field_left_out_of_an_answer_is_caught() {
        assertThat(Contract.mismatches(get("/api/audit/head", 200, JSON, """
                {"links":0,"position":null,"eventIdentifier":null,"hash":null,"chainedAt":null}""")))
                .anyMatch(m -> m.contains("storedEvents"));
    }

    @Test
    void an_event_payload_answered_as_text_instead_of_an_object_is_caught() {
        String page = """
                {"entries":[{"recordedAt":"2026-11-26T11:00:00Z","actor":"manager",
                  "serviceId":"5f0c4c56-7a1a-4d0e-9a77-1f3b2c9d8e7f","type":"CloudServiceRegistered","summary":"s",
                  "eventId":"e","position":1,"sequenceNumber":0,"correlationId":null,"payload":"{}","importSha256":null,"importRow":null}],
                 "page":0,"size":50,"totalEntries":1,"totalPages":1}""";
        assertThat(Contract.mismatches(get("/api/audit", 200, JSON, page))).anyMatch(m -> m.contains("payload"));
        assertThat(Contract.mismatches(get("/api/audit", 200, JSON, page.replace("\"payload\":\"{}\"", "\"payload\":{}"))))
                .isEmpty();
    }

    @Test
    void a_media_type_the_operation_does_not_declare_is_caught() {
        assertThat(Contract.mismatches(get("/api/audit/export?format=csv", 200, "text/plain", "position\r\n",
                Map.of("Content-Disposition", "attachment", "Molnkoll-Export-Entries", "0"))))
                .anyMatch(m -> m.contains("text/plain"));
    }

    @Test
    void a_status_the_operation_does_not_declare_is_caught() {
        assertThat(Contract.mismatches(get("/api/totals", 418, PROBLEM, "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":418}")))
                .anyMatch(m -> m.contains("418"));
    }

    @Test
    void a_download_is_a_success_the_document_declares() {
        Contract.Exchange download = exchange("GET", SERVICE + "/evidence/1c1b8f0e-0c55-4f43-9d41-4f1e6c0b7a11/document",
                null, 200, "application/pdf", "%PDF-1.4", Map.of("Content-Disposition", "attachment; filename=\"a.pdf\"",
                        "Repr-Digest", "sha-256=:" + "A".repeat(43) + "=:"));
        assertThat(Contract.mismatches(download)).isEmpty();
    }

    @Test
    void a_contract_header_sent_where_the_document_does_not_declare_it_is_caught() {
        assertThat(Contract.mismatches(get("/api/catalogue/identity", 200, JSON, """
                {"routine":"r","organisation":"o","documentId":"d","version":"1","validFrom":"2025-01-01","validUntil":"2027-12-31"}""",
                Map.of("Location", "http://localhost/elsewhere")))).anyMatch(m -> m.contains("Location"));
    }

    @Test
    void a_required_header_missing_from_an_answer_is_caught() {
        Contract.Exchange noCorrelation = new Contract.Exchange("GET", URI.create("http://localhost" + "/api/admin/rebuild"),
                Map.of(), new byte[0], 200, Map.of("Content-Type", List.of(JSON)), """
                {"state":"IDLE","requestedBy":null,"startedAt":null,"finishedAt":null,"eventsDone":0,"eventsTotal":0,
                 "readModels":[],"message":"No rebuild since Molnkoll started"}""".getBytes(StandardCharsets.UTF_8));
        assertThat(Contract.mismatches(noCorrelation)).anyMatch(m -> m.contains(CORRELATION));
    }

    @Test
    void a_parameter_value_outside_its_enum_or_range_that_the_server_accepts_is_caught() {
        String measures = "[]";
        assertThat(Contract.mismatches(get(SERVICE + "/measures?phase=LATER", 200, JSON, measures)))
                .anyMatch(m -> m.contains("the document refuses the request"));
        assertThat(Contract.mismatches(get("/api/audit?size=501", 200, JSON,
                "{\"entries\":[],\"page\":0,\"size\":501,\"totalEntries\":0,\"totalPages\":0}")))
                .anyMatch(m -> m.contains("the document refuses the request"));
        assertThat(Contract.mismatches(get(SERVICE + "/measures?phase=ACQUIRE", 200, JSON, measures))).isEmpty();
    }

    @Test
    void a_parameter_the_operation_does_not_take_that_the_server_accepts_is_caught() {
        assertThat(Contract.mismatches(get("/api/audit?format=csv", 200, JSON,
                "{\"entries\":[],\"page\":0,\"size\":50,\"totalEntries\":0,\"totalPages\":0}")))
                .anyMatch(m -> m.contains("the document refuses the request"));
    }

    @Test
    void a_request_body_the_document_refuses_that_the_server_accepts_is_caught() {
        String blankName = "{\"name\":\"  \",\"vendor\":\"v\",\"serviceModel\":\"SAAS\",\"organisationUnit\":\"u\",\"owner\":\"o\"}";
        Contract.Exchange accepted = exchange("POST", "/api/services", blankName, 201, JSON,
                "{\"id\":\"5f0c4c56-7a1a-4d0e-9a77-1f3b2c9d8e7f\"}", Map.of("Location", "http://localhost" + SERVICE));
        assertThat(Contract.mismatches(accepted)).anyMatch(m -> m.contains("the document refuses the request"));
        String unknownField = "{\"name\":\"n\",\"vendor\":\"v\",\"serviceModel\":\"SAAS\",\"organisationUnit\":\"u\",\"owner\":\"o\",\"extra\":1}";
        assertThat(Contract.mismatches(exchange("POST", "/api/services", unknownField, 201, JSON,
                "{\"id\":\"5f0c4c56-7a1a-4d0e-9a77-1f3b2c9d8e7f\"}", Map.of("Location", "http://localhost" + SERVICE))))
                .anyMatch(m -> m.contains("the document refuses the request"));
    }

    @Test
    void a_request_the_document_allows_that_the_server_refuses_as_bad_input_is_caught_unless_the_document_says_why() {
        String valid = "{\"name\":\"n\",\"vendor\":\"v\",\"serviceModel\":\"SAAS\",\"organisationUnit\":\"u\",\"owner\":\"o\"}";
        Contract.Exchange refused = exchange("POST", "/api/services", valid, 400, PROBLEM, """
                {"type":"urn:molnkoll:problem:invalid-input","title":"Invalid input","status":400,
                 "errors":[{"field":"name","message":"must be at least 3 characters"}]}""", Map.of());
        assertThat(Contract.mismatches(refused)).anyMatch(m -> m.contains("the document allows the request but the server refused it"));
        Contract.Exchange future = exchange("GET", "/api/totals?asOf=2999-01-01", null, 400, PROBLEM, """
                {"type":"urn:molnkoll:problem:invalid-input","title":"Invalid input","status":400,
                 "errors":[{"field":"asOf","message":"is in the future; Molnkoll can only tell what it has recorded up to today"}]}""",
                Map.of());
        assertThat(Contract.mismatches(future)).isEmpty();
    }

    @Test
    void an_operation_the_document_does_not_have_must_be_turned_away() {
        assertThat(Contract.mismatches(exchange("DELETE", SERVICE, null, 204, JSON, "", Map.of())))
                .anyMatch(m -> m.contains("no such operation"));
        assertThat(Contract.mismatches(exchange("DELETE", SERVICE, null, 403, PROBLEM,
                "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}", Map.of()))).isEmpty();
    }

    @Test
    void a_command_answered_with_202_and_a_body_the_document_does_not_declare_is_caught() {
        Contract.Exchange notYet = exchange("POST", SERVICE + "/operation", null, 202, JSON, "{\"id\":\"x\"}",
                Map.of("Molnkoll-Read-Your-Writes", "not-confirmed"));
        assertThat(Contract.mismatches(notYet)).isNotEmpty();
    }

    private static Contract.Exchange get(String path, int status, String contentType, String body) {
        return get(path, status, contentType, body, Map.of());
    }

    private static Contract.Exchange get(String path, int status, String contentType, String body, Map<String, String> headers) {
        return exchange("GET", path, null, status, contentType, body, headers);
    }

    /** An exchange signed in, with the correlation id every answer carries. */
    private static Contract.Exchange exchange(String method, String path, String requestBody, int status, String contentType,
                                              String responseBody, Map<String, String> headers) {
        Map<String, List<String>> request = new java.util.HashMap<>();
        request.put("Authorization", List.of("Basic bWFuYWdlcjptYW5hZ2Vy"));
        if (requestBody != null) request.put("Content-Type", List.of(JSON));
        Map<String, List<String>> response = new java.util.HashMap<>();
        response.put("Content-Type", List.of(contentType));
        response.put(CORRELATION, List.of("c-1"));
        headers.forEach((name, value) -> response.put(name, List.of(value)));
        return new Contract.Exchange(method, URI.create("http://localhost" + path), request,
                requestBody == null ? new byte[0] : requestBody.getBytes(StandardCharsets.UTF_8), status, response,
                responseBody.getBytes(StandardCharsets.UTF_8));
    }
}
