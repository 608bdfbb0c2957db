package se.molnkoll.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The net every API exchange of the tests passes through ({@link Api} sends each here): the exchange
 * is checked against the published document, openapi.yaml at the repository's root, and an
 * {@link AssertionError} names every way the server and the document disagree:
 * <ul>
 *     <li>the answer: its status must be declared, its media type, headers and body as declared
 *     (nulls, required fields, enums, formats: Atlassian's swagger-request-validator);</li>
 *     <li>the headers a client acts on ({@link #CONTRACT_HEADERS}) must be declared where they are sent;</li>
 *     <li>a request the document refuses must be refused by the server (4xx), and a request the document
 *     allows may be refused as bad input (400) only for a rule a schema cannot state, which the document
 *     describes in words ({@link #RULES_IN_WORDS}).</li>
 * </ul>
 */
public final class Contract {

    /** The published document. */
    public static final Path DOCUMENT = root().resolve("openapi.yaml");
    /** Headers whose presence a client relies on: where the server sends one, the document must declare it. */
    static final Set<String> CONTRACT_HEADERS = Set.of("location", "x-correlation-id", "content-disposition",
            "molnkoll-export-entries", "www-authenticate", "molnkoll-read-your-writes", "retry-after", "repr-digest",
            "molnkoll-report-id");
    /**
     * Rules of the server that no schema can state, each described in the document's words: a moment
     * not in the future, an end after its start, position and hash together, an empty file. A 400 on
     * a request the document allows must name only these.
     */
    static final List<Pattern> RULES_IN_WORDS = List.of(
            Pattern.compile("is in the future.*"),
            Pattern.compile("must not be in the future.*"),
            Pattern.compile("must be after from"),
            Pattern.compile("must not be before validFrom"),
            Pattern.compile("position and hash go together.*"),
            Pattern.compile("must not be before receivedOn when there is no validFrom.*"),
            Pattern.compile("is not valid JSON: Duplicate field .*"),
            Pattern.compile("is empty"),
            Pattern.compile("selects no service registered at the moment"),
            Pattern.compile("is not an organisation unit of any registered service"));
    /** What the validator says of a request to a path or method the document does not have. */
    static final Set<String> OUTSIDE_THE_DOCUMENT = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");
    /** Request bodies larger than this are answered (413) before they are read; they are not validated either. */
    static final int LARGEST_VALIDATED_BODY = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final OpenAPI OPEN_API = new OpenAPIV3Parser().read(DOCUMENT.toString());
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForSpecificationUrl(DOCUMENT.toUri().toString())
            // the server refuses a parameter an operation does not take; the document says which it takes
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                    .build())
            .build();
    private static final AtomicLong CHECKED = new AtomicLong();

    static {
        // how many exchanges the net saw in this test JVM, for whoever wants to know its reach
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Path counted = Path.of("target", "contract-net-exchanges.txt");
                Files.createDirectories(counted.getParent());
                Files.writeString(counted, CHECKED.get() + " API exchanges checked against openapi.yaml\n");
            } catch (IOException | RuntimeException ignored) {
                // only a count
            }
        }));
    }

    private Contract() {
    }

    /** How many exchanges the net has checked in this JVM. */
    public static long checked() {
        return CHECKED.get();
    }

    /** One exchange as it went over the wire. */
    public record Exchange(String method, URI uri, Map<String, List<String>> requestHeaders, byte[] requestBody,
                           int status, Map<String, List<String>> responseHeaders, byte[] responseBody) {
    }

    /** Checks the exchange if it is one of the API's; throws {@link AssertionError} naming every mismatch. */
    public static void check(Exchange exchange) {
        String path = exchange.uri().getRawPath();
        if (!path.startsWith("/api/")) return;
        CHECKED.incrementAndGet();
        List<String> mismatches = mismatches(exchange);
        if (!mismatches.isEmpty()) {
            throw new AssertionError("The server and openapi.yaml disagree on " + exchange.method() + " " + exchange.uri()
                    + " → " + exchange.status() + ":\n  - " + String.join("\n  - ", mismatches)
                    + "\n  answer: " + shorten(new String(exchange.responseBody(), StandardCharsets.UTF_8)));
        }
    }

    /** Every way the exchange and the document disagree (empty when they agree). */
    public static List<String> mismatches(Exchange exchange) {
        List<String> mismatches = new ArrayList<>();
        String path = exchange.uri().getRawPath();
        Request.Method method = Request.Method.valueOf(exchange.method());
        SimpleResponse.Builder response = new SimpleResponse.Builder(exchange.status());
        exchange.responseHeaders().forEach((name, values) -> {
            if (!name.startsWith(":")) response.withHeader(name, values);
        });
        if (exchange.responseBody().length > 0) response.withBody(exchange.responseBody());
        List<ValidationReport.Message> answer = VALIDATOR.validateResponse(path, method, response.build()).getMessages()
                .stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList();
        if (answer.stream().anyMatch(m -> OUTSIDE_THE_DOCUMENT.contains(m.getKey()))) {
            // no operation of the document: the server must turn it away, whatever it says
            if (exchange.status() < 400 || exchange.status() >= 500) {
                mismatches.add("the document has no such operation, but the server answered " + exchange.status());
            }
            return mismatches;
        }
        answer.forEach(m -> mismatches.add("answer: " + m.getMessage()));
        undeclaredHeaders(exchange, mismatches);
        Optional<List<String>> refusedByDocument = requestProblems(exchange);
        int status = exchange.status();
        if (refusedByDocument.isPresent() && !refusedByDocument.get().isEmpty() && (status < 400 || status >= 500)) {
            mismatches.add("the document refuses the request (" + String.join("; ", refusedByDocument.get())
                    + ") but the server answered " + status);
        }
        if (refusedByDocument.isPresent() && refusedByDocument.get().isEmpty() && status == 400) {
            for (String problem : badInputProblems(exchange)) {
                mismatches.add("the document allows the request but the server refused it: " + problem);
            }
        }
        return mismatches;
    }

    /** The document's objections to the request; empty when it allows it, absent when it was not looked at. */
    private static Optional<List<String>> requestProblems(Exchange exchange) {
        if (exchange.requestBody().length > LARGEST_VALIDATED_BODY) return Optional.empty();
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.uri().getRawPath());
        exchange.requestHeaders().forEach(request::withHeader);
        Charset declared = declaredCharset(exchange.requestHeaders());
        // the server reads a body in the charset it declares; the document speaks of its content
        byte[] body = declared == null ? exchange.requestBody()
                : new String(exchange.requestBody(), declared).getBytes(StandardCharsets.UTF_8);
        if (body.length > 0) request.withBody(body);
        List<String> problems = new ArrayList<>();
        String query = exchange.uri().getRawQuery();
        if (query != null && !query.isEmpty()) {
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = decode(equals < 0 ? "" : pair.substring(equals + 1));
                if (name == null || value == null) {
                    problems.add("a parameter is not percent-encoded UTF-8");
                    continue;
                }
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            parameters.forEach(request::withQueryParam);
        }
        VALIDATOR.validateRequest(request.build()).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> problems.add(m.getMessage()));
        if (isJson(exchange.requestHeaders()) && body.length > 0) {
            if (declared == null && !Utf8.valid(body)) {
                problems.add("the body is not UTF-8 (RFC 8259)");
            } else if (!oneJsonValue(body)) {
                problems.add("the body is not one JSON value (RFC 8259)");
            }
        }
        return Optional.of(problems);
    }

    /** Kinds of 400 that judge what no schema can see, described in the document: a document's content. */
    static final Set<String> PROBLEMS_IN_WORDS = Set.of("urn:molnkoll:problem:refused-document");

    /** Whether the bytes are exactly one JSON text; the validator reads the first value and ignores the rest. */
    private static boolean oneJsonValue(byte[] body) {
        try {
            STRICT_JSON.readTree(body);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The problems of a 400 that are not among the rules the document describes in words. */
    private static List<String> badInputProblems(Exchange exchange) {
        List<String> unexplained = new ArrayList<>();
        try {
            JsonNode problem = JSON.readTree(exchange.responseBody());
            if (PROBLEMS_IN_WORDS.contains(problem.path("type").asText())) return unexplained;
            JsonNode errors = problem.path("errors");
            if (!errors.isArray() || errors.isEmpty()) {
                unexplained.add(problem.path("detail").asText("(no errors listed)"));
            }
            for (JsonNode error : errors) {
                String message = error.path("message").asText();
                if (RULES_IN_WORDS.stream().noneMatch(rule -> rule.matcher(message).matches())) {
                    unexplained.add(error.path("field").asText() + " " + message);
                }
            }
        } catch (IOException e) {
            unexplained.add("(the 400 is not JSON)");
        }
        return unexplained;
    }

    /** The contract headers the server sent that the document does not declare for this answer. */
    private static void undeclaredHeaders(Exchange exchange, List<String> mismatches) {
        Optional<ApiResponse> declared = declaredResponse(exchange.method(), exchange.uri().getRawPath(), exchange.status());
        if (declared.isEmpty()) return; // the validator already said the status is not declared
        Set<String> names = declared.get().getHeaders() == null ? Set.of() : lowerCase(declared.get().getHeaders().keySet());
        for (String header : exchange.responseHeaders().keySet()) {
            String name = header.toLowerCase(Locale.ROOT);
            if (CONTRACT_HEADERS.contains(name) && !names.contains(name)) {
                mismatches.add("answer: header " + header + " is sent but not declared for " + exchange.status());
            }
        }
    }

    /** The document's response for this method, concrete path and status. */
    static Optional<ApiResponse> declaredResponse(String method, String path, int status) {
        for (Map.Entry<String, PathItem> entry : OPEN_API.getPaths().entrySet()) {
            String template = entry.getKey().replaceAll("\\{[^}]+}", "[^/]+");
            if (!path.matches(template)) continue;
            Operation operation = entry.getValue().readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
            if (operation == null) return Optional.empty();
            return Optional.ofNullable(operation.getResponses().get(Integer.toString(status)));
        }
        return Optional.empty();
    }

    private static Set<String> lowerCase(Set<String> names) {
        return Set.copyOf(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList());
    }

    /** The charset a request declares in its Content-Type, if any. */
    private static Charset declaredCharset(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (!header.getKey().equalsIgnoreCase("content-type")) continue;
            for (String value : header.getValue()) {
                try {
                    return org.springframework.http.MediaType.parseMediaType(value).getCharset();
                } catch (RuntimeException unreadable) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean isJson(Map<String, List<String>> headers) {
        return headers.entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("content-type")
                && h.getValue().stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("json")));
    }

    /** Decodes a query part; null when it is not valid percent-encoded UTF-8 (the server refuses such). */
    private static String decode(String raw) {
        try {
            String decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            return decoded.contains("\uFFFD") && !raw.toUpperCase(Locale.ROOT).contains("%EF%BF%BD") ? null : decoded;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String shorten(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }

    /** The repository's root: the nearest directory upwards that holds openapi.yaml. */
    private static Path root() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("openapi.yaml"))) {
            directory = directory.getParent();
        }
        if (directory == null) throw new IllegalStateException("openapi.yaml not found above " + Path.of("").toAbsolutePath());
        return directory;
    }

    /** Strict UTF-8, as the server reads a JSON body. */
    private static final class Utf8 {
        static boolean valid(byte[] bytes) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes));
                return true;
            } catch (CharacterCodingException e) {
                return false;
            }
        }
    }
}
