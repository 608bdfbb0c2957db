package se.molnkoll.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A plain HTTP client for the running application: no Spring test magic between the test and the wire. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String user;
    private final Map<String, String> headers;

    private Api(String base, String user, Map<String, String> headers) {
        this.base = base;
        this.user = user;
        this.headers = headers;
    }

    public static Api at(int port) {
        return new Api("http://localhost:" + port, null, Map.of());
    }

    /** Where the application answers: http://localhost:port. */
    public String base() {
        return base;
    }

    /** The same client signed in as a demo user (password = user name). */
    public Api as(String demoUser) {
        return new Api(base, demoUser, headers);
    }

    public Api anonymous() {
        return new Api(base, null, headers);
    }

    /** The same client sending this header (replacing one it would send itself, such as Content-Type). */
    public Api withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new Api(base, user, Map.copyOf(more));
    }

    /** POST of one file as multipart/form-data part "file", declared as application/octet-stream (no type said). */
    public Response postFile(String path, String fileName, byte[] content) {
        return postFile(path, fileName, "application/octet-stream", content);
    }

    /** POST of one file as multipart/form-data part "file", declared as the given type. */
    public Response postFile(String path, String fileName, String declaredType, byte[] content) {
        String boundary = "molnkoll-test-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return postBytes(path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    /** POST of files as multipart/form-data, one part per entry: part name → (file name, content). */
    public Response postParts(String path, Map<String, Map.Entry<String, byte[]>> parts) {
        String boundary = "molnkoll-test-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        parts.forEach((part, file) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return postBytes(path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    /** GET of raw bytes (a document). */
    public HttpResponse<byte[]> getBytes(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        signIn(request);
        return exchange(request, "GET", null);
    }

    /** POST of raw bytes, for bodies in another encoding. */
    public Response postBytes(String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType);
        signIn(request);
        return response(exchange(request, "POST", body));
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    /** The body of a certificate for measure 27 in acquisition, titled so: what the tests that race commands send. */
    public static java.util.Map<String, Object> certificateFor27(String title, java.time.LocalDate receivedOn) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("measureIds", java.util.List.of(27));
        body.put("phases", java.util.List.of("ACQUIRE"));
        body.put("kind", "CERTIFICATE");
        body.put("title", title);
        body.put("issuer", "Cert AB");
        body.put("receivedOn", receivedOn.toString());
        return body;
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            String json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            if (json != null) request.header("Content-Type", "application/json");
            signIn(request);
            headers.forEach(request::setHeader);
            return response(exchange(request, method, json == null ? null : json.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    private void signIn(HttpRequest.Builder request) {
        if (user != null) {
            String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + credentials);
        }
    }

    /** Sends the request and checks the exchange against the published OpenAPI document ({@link Contract}). */
    private HttpResponse<byte[]> exchange(HttpRequest.Builder builder, String method, byte[] body) {
        HttpRequest request = builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Contract.check(new Contract.Exchange(method, request.uri(), request.headers().map(),
                    body == null ? new byte[0] : body, response.statusCode(), response.headers().map(), response.body()));
            return response;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + request.uri() + " failed", e);
        }
    }

    private static Response response(HttpResponse<byte[]> response) {
        return new Response(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                response.headers().firstValue("Content-Type").orElse(""), response.headers());
    }

    public record Response(int status, String body, String contentType, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
