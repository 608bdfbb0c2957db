package se.molnkoll.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.support.Api;
import se.molnkoll.support.TestClock;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.support.TestClock.TODAY;

/**
 * What an auditor does through HTTP: services and the portfolio as of past moments, both timelines,
 * the changes between two moments. Subclasses choose the database.
 */
abstract class AuditorScenarios extends Scenarios {

    /** Moves the clock to a time of day today, Swedish time; returns that instant. */
    static Instant at(int hour, int minute) {
        Instant instant = time(hour, minute);
        TestClock.CLOCK.set(instant);
        return instant;
    }

    /** A time of day today, Swedish time. */
    static Instant time(int hour, int minute) {
        return TODAY.atTime(LocalTime.of(hour, minute)).atZone(BusinessDates.ZONE).toInstant();
    }

    static String asOf(Instant instant) {
        return "asOf=" + instant;
    }

    JsonNode view(Api who, String id, String query) {
        Api.Response response = who.get("/api/services/" + id + "?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    static String statusIn(JsonNode view, int measure, String phase) {
        for (JsonNode m : view.get("measures")) {
            if (m.get("measureId").asInt() == measure && m.get("phase").asText().equals(phase)) {
                return m.get("status").asText();
            }
        }
        return null;
    }

    void withdraw(String id, String evidenceId) {
        Api.Response response = manager.post("/api/services/" + id + "/evidence/" + evidenceId + "/withdrawal",
                Map.of("reason", "Fel certifikat"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) assertThat(response.body()).contains("\"" + field + "\"");
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void an_auditor_sees_a_service_exactly_as_it_was_known_at_any_past_moment() {
        Instant registered = at(9, 0);
        String id = register("Historik");
        at(10, 0);
        classify(id, 3, 2, 2, true, true);
        at(11, 0);
        String certificate = recordEvidence(id, List.of(27), List.of("ACQUIRE"), TODAY.plusYears(1).toString());
        at(12, 0);
        classify(id, 0, 0, 0, false, false);
        at(13, 0);
        withdraw(id, certificate);
        at(14, 0);

        JsonNode unclassified = view(auditor, id, asOf(registered.plusSeconds(1800)));
        assertThat(unclassified.get("classification").isNull()).isTrue();
        assertThat(unclassified.get("asOf").asText()).isEqualTo(registered.plusSeconds(1800).toString());
        assertThat(unclassified.get("statusDate").asText()).isEqualTo(TODAY.toString());
        assertThat(unclassified.get("evidence")).isEmpty();

        JsonNode classified = view(auditor, id, asOf(time(10, 30)));
        assertThat(classified.get("classification").get("confidentiality").asInt()).isEqualTo(3);
        assertThat(statusIn(classified, 27, "ACQUIRE")).isEqualTo("OPEN");
        assertThat(statusIn(classified, 31, "ACQUIRE")).as("personal data brings measure 31").isEqualTo("OPEN");

        JsonNode covered = view(manager, id, asOf(time(11, 30)));
        assertThat(statusIn(covered, 27, "ACQUIRE")).isEqualTo("COVERED");
        assertThat(covered.get("evidence").get(0).get("withdrawn").asBoolean()).isFalse();
        assertThat(covered.get("evidence").get(0).get("recordedBy").asText()).isEqualTo("manager");

        JsonNode reclassified = view(auditor, id, asOf(time(12, 30)));
        assertThat(reclassified.get("classification").get("confidentiality").asInt()).isZero();
        assertThat(statusIn(reclassified, 31, "ACQUIRE")).as("no personal data any more").isNull();
        assertThat(statusIn(reclassified, 27, "ACQUIRE")).isEqualTo("COVERED");

        at(14, 0);
        JsonNode now = manager.get("/api/services/" + id).json();
        assertThat(statusIn(now, 27, "ACQUIRE")).isEqualTo("OPEN");
        assertThat(now.get("evidence").get(0).get("withdrawn").asBoolean()).isTrue();
        assertThat(now.get("asOf").isNull()).isTrue();
        // a date is the end of that day, which for today is now
        JsonNode today = view(auditor, id, "asOf=" + TODAY);
        assertThat(today.get("evidence").get(0).get("withdrawn").asBoolean()).isTrue();
        assertThat(today.get("measures")).isEqualTo(now.get("measures"));

        Api.Response measures = auditor.get("/api/services/" + id + "/measures?phase=ACQUIRE&" + asOf(time(11, 30)));
        assertThat(measures.status()).isEqualTo(200);
        assertThat(measures.json()).anySatisfy(m -> {
            assertThat(m.get("measureId").asInt()).isEqualTo(27);
            assertThat(m.get("status").asText()).isEqualTo("COVERED");
            assertThat(m.get("evidenceIds").get(0).asText()).isEqualTo(certificate);
        });

        at(14, 0);
        assertProblem(auditor.get("/api/services/" + id + "?" + asOf(registered.minusMillis(1))), 404, null);
        assertProblem(auditor.get("/api/services/" + id + "?asOf=" + TODAY.minusDays(1)), 404, null);
        assertProblem(auditor.get("/api/services/" + id + "/measures?" + asOf(registered.minusMillis(1))), 404, null);
    }

    @Test
    void valid_at_judges_a_date_with_everything_recorded_since_including_evidence_recorded_late() {
        at(9, 0);
        String id = register("Sent underlag");
        classify(id, 1, 1, 1, false, false);
        at(10, 0);
        // received ten days ago, recorded only now
        var late = evidence(List.of(29), List.of("ACQUIRE"), TODAY.plusYears(1).toString());
        late.put("receivedOn", TODAY.minusDays(10).toString());
        assertThat(manager.post("/api/services/" + id + "/evidence", late).status()).isEqualTo(201);

        JsonNode trueFiveDaysAgo = view(auditor, id, "validAt=" + TODAY.minusDays(5));
        assertThat(statusIn(trueFiveDaysAgo, 29, "ACQUIRE")).isEqualTo("COVERED");
        assertThat(trueFiveDaysAgo.get("statusDate").asText()).isEqualTo(TODAY.minusDays(5).toString());
        assertThat(trueFiveDaysAgo.get("asOf").isNull()).isTrue();
        assertThat(statusIn(view(auditor, id, "validAt=" + TODAY.minusDays(11)), 29, "ACQUIRE")).isEqualTo("OPEN");
        // what Molnkoll knew before it was recorded, judged for the same date
        assertThat(statusIn(view(auditor, id, asOf(time(9, 30)) + "&validAt=" + TODAY.minusDays(5)), 29, "ACQUIRE"))
                .isEqualTo("OPEN");
        at(10, 0);
        // a date in the future is a forecast with what is known now
        assertThat(statusIn(view(auditor, id, "validAt=" + TODAY.plusYears(2)), 29, "ACQUIRE")).isEqualTo("EXPIRED");
    }

    @Test
    void the_portfolio_and_its_certificates_as_of_a_past_moment() {
        // an instant of its own, so that the counts around it are this scenario's alone
        Instant registered = TODAY.atTime(3, 17, 42).atZone(BusinessDates.ZONE).toInstant();
        TestClock.CLOCK.set(registered);
        String id = register("Portföljhistorik");
        TestClock.CLOCK.set(registered.plusSeconds(60));
        classify(id, 1, 1, 1, false, false);
        String certificate = recordEvidence(id, List.of(27), List.of("ACQUIRE"), TODAY.plusDays(2).toString());

        JsonNode before = auditor.get("/api/dashboard?" + asOf(registered.minusMillis(1))).json();
        JsonNode after = auditor.get("/api/dashboard?" + asOf(registered)).json();
        assertThat(after.get("services").asLong() - before.get("services").asLong()).isEqualTo(1);
        assertThat(after.get("unclassifiedServices").asLong() - before.get("unclassifiedServices").asLong()).isEqualTo(1);
        assertThat(after.get("asOf").asText()).isEqualTo(registered.toString());

        TestClock.CLOCK.set(TODAY.plusDays(5));
        Instant lapsed = TestClock.CLOCK.instant();
        assertThat(certificates(manager, "?status=EXPIRED", id)).containsExactly(certificate);
        TestClock.CLOCK.set(lapsed.plusSeconds(60));
        withdraw(id, certificate);
        assertThat(certificates(manager, "?status=EXPIRED", id)).isEmpty();
        assertThat(certificates(auditor, "?status=EXPIRED&" + asOf(lapsed), id)).containsExactly(certificate);
        // as known at the end of today, and judged for today, it was still expiring
        assertThat(certificates(auditor, "?status=EXPIRING&asOf=" + TODAY, id)).containsExactly(certificate);
        assertThat(certificates(auditor, "?status=EXPIRED&asOf=" + TODAY, id)).isEmpty();
    }

    List<String> certificates(Api who, String query, String serviceId) {
        Api.Response response = who.get("/api/certificates" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode c : response.json()) {
            if (c.get("serviceId").asText().equals(serviceId)) ids.add(c.get("evidenceId").asText());
        }
        return ids;
    }

    @Test
    void the_changes_between_two_moments_name_what_changed_when_and_by_whom() {
        Instant start = at(9, 0);
        String id = register("Jämförelse");
        at(10, 0);
        classify(id, 2, 2, 2, false, true);
        at(11, 0);
        recordEvidence(id, List.of(27), List.of("ACQUIRE"), TODAY.plusYears(1).toString());
        at(12, 0);

        Api.Response response = auditor.get("/api/services/" + id + "/changes?from=" + start.plusSeconds(1800)
                + "&to=" + time(11, 30));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode changes = response.json();
        assertThat(texts(changes.get("events"), "type")).containsExactly("ClassificationSet", "EvidenceReceived");
        assertThat(changes.get("existedAtFrom").asBoolean()).isTrue();
        JsonNode confidentiality = changes.get("fields").get(0);
        assertThat(confidentiality.get("field").asText()).isEqualTo("classification.confidentiality");
        assertThat(confidentiality.get("before").isNull()).isTrue();
        assertThat(confidentiality.get("after").asInt()).isEqualTo(2);
        assertThat(confidentiality.get("cause").get("recordedBy").asText()).isEqualTo("manager");
        assertThat(confidentiality.get("cause").get("recordedAt").asText()).isEqualTo(time(10, 0).toString());
        JsonNode closed = null;
        for (JsonNode m : changes.get("measures")) {
            if (m.get("measureId").asInt() == 27) closed = m;
        }
        assertThat(closed).isNotNull();
        assertThat(closed.get("change").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("before").asText()).isEqualTo("OPEN");
        assertThat(closed.get("after").asText()).isEqualTo("COVERED");
        assertThat(closed.get("cause").get("eventType").asText()).isEqualTo("EvidenceReceived");
        assertThat(changes.get("evidence").get(0).get("change").asText()).isEqualTo("ADDED");

        at(12, 0);
        JsonNode untilNow = auditor.get("/api/services/" + id + "/changes?from=" + time(10, 30)).json();
        assertThat(untilNow.get("to").asText()).isEqualTo(time(12, 0).toString());
        assertThat(texts(untilNow.get("events"), "type")).containsExactly("EvidenceReceived");
    }

    @Test
    void bad_moments_are_refused_naming_the_parameter_and_history_is_for_auditors_and_contract_managers() {
        at(9, 0);
        String id = register("Felaktiga tider");
        at(10, 0);
        String s = "/api/services/" + id;
        assertProblem(auditor.get(s + "?asOf=igår"), 400, "asOf");
        assertProblem(auditor.get(s + "?asOf=" + Instant.now().plusSeconds(3600 * 24 * 400)), 400, "asOf");
        assertProblem(auditor.get(s + "?asOf=" + TODAY.plusDays(1)), 400, "asOf");
        assertProblem(auditor.get(s + "?validAt=2026-13-01"), 400, "validAt");
        assertProblem(auditor.get(s + "?validAt=3001-01-01"), 400, "validAt");
        assertProblem(auditor.get("/api/dashboard?asOf=x&withinDays=-1"), 400, "withinDays");
        assertProblem(auditor.get("/api/dashboard?asOf=x&withinDays=-1"), 400, "asOf");
        assertProblem(auditor.get(s + "/changes"), 400, "from");
        assertProblem(auditor.get(s + "/changes?from=" + time(10, 0) + "&to=" + time(9, 30)), 400, "to");
        assertProblem(auditor.get("/api/services/00000000-0000-4000-8000-000000000000/changes?from=" + TODAY.minusDays(1)), 404, null);

        Api viewer = Api.at(port).as("viewer");
        assertThat(viewer.get(s).status()).isEqualTo(200);
        assertProblem(viewer.get(s + "?asOf=" + TODAY), 403, null);
        assertProblem(viewer.get(s + "?validAt=" + TODAY), 403, null);
        assertProblem(viewer.get("/api/dashboard?asOf="), 403, null);
        assertProblem(viewer.get(s + "/changes?from=" + TODAY), 403, null);
        assertProblem(Api.at(port).as("admin").get("/api/certificates?asOf=" + TODAY), 403, null);
        assertProblem(Api.at(port).get(s + "?asOf=" + TODAY), 401, null);
    }
}
