package se.molnkoll.requests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.molnkoll.support.Api;
import se.molnkoll.support.RunningMolnkoll;
import se.molnkoll.support.TestClock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests broken in every way the container can receive them, written byte by byte to the socket (an
 * HTTP client library would refuse to send most of them): multipart bodies, encodings, paths, headers.
 * Each is answered 400 (413 for size) as problem+json naming what it can, never 500, and records nothing.
 */
class MalformedRequestsTest {

    private static RunningMolnkoll molnkoll;
    private static int port;
    private static String upload;

    @BeforeAll
    static void start() {
        molnkoll = RunningMolnkoll.start();
        port = URI.create(molnkoll.api().base()).getPort();
        Api manager = molnkoll.api().as("manager");
        String service = manager.post("/api/services", Map.of("name", "Trasiga anrop", "vendor", "Moln AB",
                "serviceModel", "SAAS", "organisationUnit", "Regionstyrelsen", "owner", "Anna")).json().get("id").asText();
        manager.put("/api/services/" + service + "/classification", Map.of("confidentiality", 1, "integrity", 1,
                "availability", 1, "secrecy", false, "personalData", false));
        String evidence = manager.post("/api/services/" + service + "/evidence", Map.of("measureIds", List.of(27),
                "phases", List.of("ACQUIRE"), "kind", "CERTIFICATE", "title", "Intyg", "issuer", "Cert AB",
                "receivedOn", TestClock.TODAY.toString())).json().get("id").asText();
        upload = "/api/services/" + service + "/evidence/" + evidence + "/document";
    }

    @AfterAll
    static void stop() {
        molnkoll.close();
    }

    @Test
    void malformed_multipart_bodies_are_400_problem_json() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("a NUL in the file name", part("filename=\"a\0b.pdf\"", "%PDF-1.4") + "--XX--\r\n");
        bodies.put("a body cut off", "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4");
        bodies.put("a part header without its colon", "--XX\r\nContent-Disposition form-data\r\n\r\nx\r\n--XX--\r\n");
        bodies.put("more parts than allowed", "--XX\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n".repeat(300) + "--XX--\r\n");
        bodies.put("a field that is not UTF-8", "--XX\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n\u00ff\u00fe\r\n" + part(
                "filename=\"a.pdf\"", "%PDF-1.4") + "--XX--\r\n");
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            Answer answer = send("POST", upload, Map.of("Content-Type", "multipart/form-data; boundary=XX",
                    "Authorization", basic("manager")), body.getValue().getBytes(StandardCharsets.ISO_8859_1));
            assertThat(answer.status()).as(body.getKey() + ": " + answer).isEqualTo(400);
            assertThat(answer.problemJson()).as(body.getKey()).isTrue();
        }
        Answer noBoundary = send("POST", upload, Map.of("Content-Type", "multipart/form-data", "Authorization", basic("manager")),
                part("filename=\"a.pdf\"", "%PDF-1.4").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(noBoundary.status()).as(noBoundary.toString()).isEqualTo(400);
        assertThat(noBoundary.body()).contains("names no boundary");
        Answer notUtf8 = send("POST", upload, Map.of("Content-Type", "multipart/form-data; boundary=XX",
                "Authorization", basic("manager")), ("--XX\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n\u00ff\r\n"
                + "--XX--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(notUtf8.body()).contains("\"field\":\"note\"");
        Answer hugePartHeader = send("POST", upload, Map.of("Content-Type", "multipart/form-data; boundary=XX",
                "Authorization", basic("manager")), (part("filename=\"" + "a".repeat(2000) + ".pdf\"", "%PDF-1.4") + "--XX--\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(hugePartHeader.status()).as(hugePartHeader.toString()).isEqualTo(413);
        assertThat(hugePartHeader.problemJson()).isTrue();
        assertThat(molnkoll.storedDocuments()).isZero();
    }

    @Test
    void the_same_on_the_pages_is_the_error_page_not_a_server_error() {
        Answer page = send("POST", "/services/x/evidence/new", Map.of("Content-Type", "multipart/form-data; boundary=XX",
                "Authorization", basic("manager"), "Accept", "text/html"), (part("filename=\"a\0b.pdf\"", "%PDF-1.4")
                + "--XX--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(page.status()).as(page.toString()).isEqualTo(400);
        Answer form = send("POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"),
                "username=manager&password=%ff%fe".getBytes(StandardCharsets.US_ASCII));
        assertThat(form.status()).as(form.toString()).isEqualTo(400);
    }

    @Test
    void broken_encodings_in_query_path_and_body_are_400_problem_json_naming_the_field() {
        Map<String, String> auditor = Map.of("Authorization", basic("auditor"));
        assertThat(send("GET", "/api/audit?actor=%zz", auditor, null)).satisfies(a -> {
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.body()).contains("\"field\":\"actor\"", "percent-encoded");
        });
        assertThat(send("GET", "/api/audit?actor=%ff%fe", auditor, null).body()).contains("\"field\":\"actor\"");
        assertThat(send("GET", "/api/audit?" + "a=1&".repeat(300), auditor, null).body()).contains("more than 200 parameters");
        for (String path : List.of("/api/services/%zz", "/api/services/%ff", "/api/services/a%00b", "/api/services/a%2Fb",
                "/api/services/a{b}", "/api/services/a|b")) {
            Answer answer = send("GET", path, auditor, null);
            assertThat(answer.status()).as(path + ": " + answer).isEqualTo(400);
            assertThat(answer.problemJson()).as(path).isTrue();
        }
        Answer json = send("POST", "/api/services", Map.of("Content-Type", "application/json", "Authorization", basic("manager")),
                ("{\"name\":\"a\u00ff\u00feb\",\"vendor\":\"v\",\"serviceModel\":\"SAAS\",\"organisationUnit\":\"u\","
                        + "\"owner\":\"o\"}").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.body()).contains("\"field\":\"name\"", "valid Unicode");
        Answer header = send("GET", "/api/catalogue", Map.of("Authorization", basic("viewer"), "X-Big", "a".repeat(10_000)), null);
        assertThat(header.status()).as(header.toString()).isEqualTo(400);
        assertThat(header.problemJson()).isTrue();
        assertThat(molnkoll.storedEvents()).as("only the setup's three commands").isEqualTo(3);
    }

    @Test
    void the_error_address_asked_for_directly_is_not_found() {
        Answer json = send("GET", "/error", Map.of(), null);
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.problemJson()).isTrue();
        assertThat(send("GET", "/error", Map.of("Accept", "text/html"), null).status()).isEqualTo(404);
    }

    private static String part(String fileName, String content) {
        return "--XX\r\nContent-Disposition: form-data; name=\"file\"; " + fileName + "\r\nContent-Type: application/pdf\r\n\r\n"
                + content + "\r\n";
    }

    private static String basic(String demoUser) {
        return "Basic " + Base64.getEncoder().encodeToString((demoUser + ":" + demoUser).getBytes(StandardCharsets.UTF_8));
    }

    record Answer(int status, String head, String body) {
        boolean problemJson() {
            return head.toLowerCase().contains("content-type: application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** One request written to the socket as given (target, headers, body), and the answer read back. */
    private static Answer send(String method, String target, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) request.append("Content-Length: ").append(body.length).append("\r\n");
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) out.write(body);
            out.flush();
            String answer = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            int headEnd = answer.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? answer : answer.substring(0, headEnd);
            return new Answer(Integer.parseInt(head.split(" ")[1]), head, headEnd < 0 ? "" : answer.substring(headEnd + 4));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + target + " failed", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }
}
