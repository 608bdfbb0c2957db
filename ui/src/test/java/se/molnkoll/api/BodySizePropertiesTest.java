package se.molnkoll.api;

import io.micrometer.core.instrument.MeterRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import se.molnkoll.support.Api;
import se.molnkoll.support.RunningMolnkoll;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies of every size a client can send, against a running Molnkoll (embedded database, real HTTP):
 * text from 1 kB to 20 MB, lists of 10 to 1,000,000 bad elements, 1 to 1,000,000 unknown fields, sent
 * with a length or chunked. Each is answered 400 or 413 as problem+json, with at most 100 problems
 * listed; the body reader's work (JSON values and constraint violations examined, its metric) is
 * never more than the body has bytes, and none for a body refused by its size; nothing is recorded;
 * and the instance is alive afterwards. (The work, not the time, is asserted: time depends on the machine.)
 * A body longer than Tomcat reads after refusing it (server.tomcat.max-swallow-size) ends with the
 * connection dropped, whether or not the answer arrived first: that case is its own example.
 */
class BodySizePropertiesTest {

    private static RunningMolnkoll molnkoll;
    private static Api manager;
    private static MeterRegistry meters;
    private static String service;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** server.tomcat.max-swallow-size: the most Tomcat reads of a refused body before it drops the connection. */
    private static final int SWALLOWED = 64 * 1024 * 1024;

    @BeforeContainer
    static void start() {
        molnkoll = RunningMolnkoll.start();
        manager = molnkoll.api().as("manager");
        meters = molnkoll.bean(MeterRegistry.class);
        service = manager.post("/api/services", Map.of("name", "Storlekar", "vendor", "Moln AB", "serviceModel", "SAAS",
                "organisationUnit", "Regionstyrelsen", "owner", "Anna")).json().get("id").asText();
    }

    @AfterContainer
    static void stop() {
        assertThat(molnkoll.api().anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(molnkoll.api().anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
        molnkoll.close();
    }

    enum Shape { LONG_TEXT, BAD_LIST_ELEMENTS, UNKNOWN_FIELDS }

    record Body(Shape shape, int size, String path, boolean chunked) {
        @Override
        public String toString() {
            return shape + " of " + size + " to " + path + (chunked ? ", chunked" : "");
        }
    }

    @Property(tries = 60)
    void every_size_is_answered_400_or_413_in_bounded_work_and_records_nothing(@ForAll("bodies") Body body) throws Exception {
        byte[] bytes = build(body).getBytes(StandardCharsets.UTF_8);
        Assume.that(bytes.length <= SWALLOWED);
        long events = molnkoll.storedEvents();
        double examinedBefore = examined();

        HttpResponse<String> response = send(body.path(), bytes, body.chunked());

        double examined = examined() - examinedBefore;
        assertThat(response.statusCode()).as("%s (%d bytes)", body, bytes.length).isIn(400, 413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(molnkoll.storedEvents()).as("nothing recorded").isEqualTo(events);
        assertThat(examined).as("the reader's work is linear in the body").isLessThanOrEqualTo(bytes.length);
        if (response.statusCode() == 413) {
            assertThat(examined).as("a body refused for its size is not parsed").isZero();
        } else {
            var errors = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("errors");
            assertThat(errors.size()).isBetween(1, RequestBodyReader.MAX_LISTED);
            assertThat(response.body().length()).as("the answer is bounded too").isLessThan(64 * 1024);
        }
        Statistics.label("status").collect(response.statusCode());
        Statistics.label("status").coverage(check -> {
            check.check(400).count(n -> n >= 5);
            check.check(413).count(n -> n >= 5);
        });
    }

    @Example
    void a_chunked_body_longer_than_tomcat_swallows_is_refused_unread_and_records_nothing() throws Exception {
        byte[] bytes = build(new Body(Shape.UNKNOWN_FIELDS, 8_000_000, "/api/services", true)).getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(SWALLOWED);
        long events = molnkoll.storedEvents();
        double examinedBefore = examined();

        try {
            assertThat(send("/api/services", bytes, true).statusCode()).isEqualTo(413);
        } catch (IOException droppedAfterTheAnswer) {
            // Tomcat closed the connection with the rest of the body unread; the client may lose the answer
        }

        assertThat(examined() - examinedBefore).as("a body refused for its size is not parsed").isZero();
        assertThat(molnkoll.storedEvents()).as("nothing recorded").isEqualTo(events);
        assertThat(manager.get("/api/services/" + service).status()).as("the next request is answered").isEqualTo(200);
    }

    @Provide
    Arbitrary<Body> bodies() {
        Arbitrary<Integer> elements = Arbitraries.integers().between(1, 6)
                .flatMap(exponent -> Arbitraries.integers().between(pow10(exponent), 10 * pow10(exponent)));
        Arbitrary<Integer> textBytes = Arbitraries.integers().between(3, 7)
                .flatMap(exponent -> Arbitraries.integers().between(pow10(exponent), Math.min(20_000_000, 10 * pow10(exponent))));
        Arbitrary<String> paths = Arbitraries.of("/api/services", "/api/services/" + service + "/evidence",
                "/api/services/" + service + "/classification", "/api/services/" + service + "/risk-proposals");
        Arbitrary<Shape> shapes = Arbitraries.of(Shape.class);
        return Combinators.combine(shapes, elements, textBytes, paths, Arbitraries.of(true, false))
                .as((shape, count, length, path, chunked) ->
                        new Body(shape, shape == Shape.LONG_TEXT ? length : count, path, chunked));
    }

    private static int pow10(int exponent) {
        int value = 1;
        for (int i = 0; i < exponent; i++) value *= 10;
        return value;
    }

    private static String build(Body body) {
        StringBuilder json = new StringBuilder(body.size() * 12 + 64);
        switch (body.shape()) {
            case LONG_TEXT -> json.append("{\"name\":\"").append("å".repeat(body.size() / 2)).append("\"}");
            case BAD_LIST_ELEMENTS -> {
                // wrong in every way a list element can be, each element its own problem
                json.append("{\"measureIds\":[");
                for (int i = 0; i < body.size(); i++) json.append(i == 0 ? "" : ",").append(i % 3 == 0 ? "\"x\"" : i % 3 == 1 ? "0" : "1.5");
                json.append("],\"allowedLocations\":[");
                for (int i = 0; i < body.size(); i++) json.append(i == 0 ? "" : ",").append("\"Mars\"");
                json.append("]}");
            }
            case UNKNOWN_FIELDS -> {
                json.append('{');
                for (int i = 0; i < body.size(); i++) json.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":0");
                json.append('}');
            }
        }
        return json.toString();
    }

    private static HttpResponse<String> send(String path, byte[] body, boolean chunked) throws Exception {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)) // no length: chunked
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(molnkoll.api().base() + path))
                .method(path.endsWith("/classification") ? "PUT" : "POST", publisher)
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("manager:manager".getBytes(StandardCharsets.UTF_8)))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static double examined() {
        return meters.counter(RequestBodyReader.EXAMINED_METRIC).count();
    }
}
