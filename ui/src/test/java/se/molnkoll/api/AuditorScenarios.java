package se.molnkoll.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.support.Api;
import se.molnkoll.support.ReadModelContent;
import se.molnkoll.support.Rebuilds;
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
    void the_trail_gives_every_event_its_own_position_when_concurrent_appends_commit_out_of_order() throws Exception {
        List<String> services = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = register("Samtidig " + i);
            classify(id, 1, 1, 1, false, false);
            services.add(id);
        }
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
            for (String id : services) {
                running.add(clients.submit(() -> {
                    for (int k = 0; k < 15; k++) recordEvidence(id, List.of(3), List.of("ACQUIRE"), null);
                }));
            }
            for (var r : running) r.get();
        } finally {
            clients.shutdown();
        }
        // each entry of the trail sits at its event's own position in the store (the read-your-writes
        // wait of the last command of each service has let every projection pass its events)
        for (String id : services) {
            List<java.util.Map<String, Object>> mismatches = jdbc.queryForList("select a.event_id, a.global_index,"
                    + " e.global_index as stored from audit_entry a join domain_event_entry e on e.event_identifier = a.event_id"
                    + " where e.aggregate_identifier = ? and a.global_index <> e.global_index", id);
            assertThat(mismatches).isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where service_id = ?", Long.class, id))
                    .isEqualTo(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                            Long.class, id));
        }
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
    void a_later_expiry_or_termination_never_leaks_into_an_earlier_view() {
        at(9, 0);
        String id = register("Utgången och avslutad");
        classify(id, 1, 1, 1, false, false);
        String lapsing = recordEvidence(id, List.of(29), List.of("ACQUIRE"), TODAY.toString());
        at(10, 0);
        Api.Response terminated = manager.post("/api/services/" + id + "/termination",
                Map.of("terminatedOn", TODAY.toString(), "reason", "Avtalet sades upp"));
        assertThat(terminated.status()).as(terminated.toString()).isEqualTo(200);
        TestClock.CLOCK.set(TODAY.plusDays(1));
        sweep();

        JsonNode now = manager.get("/api/services/" + id).json();
        assertThat(now.get("phase").asText()).isEqualTo("EXIT");
        assertThat(now.get("evidence").get(0).get("expiredOn").asText()).isEqualTo(TODAY.plusDays(1).toString());
        assertThat(statusIn(now, 29, "ACQUIRE")).isEqualTo("EXPIRED");

        JsonNode beforeTermination = view(auditor, id, asOf(time(9, 30)));
        assertThat(beforeTermination.get("phase").asText()).isEqualTo("ACQUIRE");
        assertThat(beforeTermination.get("evidence").get(0).get("id").asText()).isEqualTo(lapsing);
        assertThat(beforeTermination.get("evidence").get(0).get("expiredOn").isNull()).isTrue();
        assertThat(beforeTermination.get("evidence").get(0).get("status").asText()).isEqualTo("VALID");
        assertThat(statusIn(beforeTermination, 29, "ACQUIRE")).isEqualTo("COVERED");
        JsonNode endOfToday = view(auditor, id, "asOf=" + TODAY);
        assertThat(endOfToday.get("phase").asText()).isEqualTo("EXIT");
        assertThat(endOfToday.get("evidence").get(0).get("expiredOn").isNull()).isTrue();
        assertThat(statusIn(endOfToday, 29, "ACQUIRE")).isEqualTo("COVERED");
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
    void a_correction_records_only_what_differs_and_every_earlier_view_keeps_the_old_value() {
        at(9, 0);
        String id = register("Stavfelstjänst");
        at(10, 0);
        long before = storedEvents();
        // refused: no reason, a blank name, nothing that differs; each named, nothing recorded
        Api.Response blank = manager.post("/api/services/" + id + "/corrections", Map.of("name", " ", "reason", " "));
        assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
        assertThat(texts(blank.json().get("errors"), "field")).containsExactly("name", "reason");
        Api.Response same = manager.post("/api/services/" + id + "/corrections",
                Map.of("name", "Stavfelstjänst", "vendor", "Moln AB", "reason", "Ingen ändring"));
        assertThat(same.status()).as(same.toString()).isEqualTo(409);
        assertThat(same.json().get("violations").get(0).get("rule").asText()).isEqualTo("NOTHING_TO_CORRECT");
        assertThat(storedEvents()).isEqualTo(before);

        Api.Response corrected = manager.post("/api/services/" + id + "/corrections", Map.of("name", "Stavningstjänsten",
                "vendor", "Moln AB", "serviceModel", "PAAS", "reason", "Fel vid registreringen"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.json().get("name").asText()).isEqualTo("Stavningstjänsten");
        assertThat(corrected.json().get("serviceModel").asText()).isEqualTo("PAAS");
        JsonNode trail = auditor.get("/api/services/" + id + "/audit?order=asc").json().get("entries");
        assertThat(texts(trail, "type")).containsExactly("CloudServiceRegistered", "ServiceRenamed", "ServiceModelCorrected");
        assertThat(trail.get(1).get("summary").asText())
                .isEqualTo("Namnet ändrades från \"Stavfelstjänst\" till \"Stavningstjänsten\": Fel vid registreringen");
        at(11, 0);
        // before the correction the old values show; the register and the changes between agree
        JsonNode then = view(auditor, id, asOf(time(9, 30)));
        assertThat(then.get("name").asText()).isEqualTo("Stavfelstjänst");
        assertThat(then.get("serviceModel").asText()).isEqualTo("SAAS");
        JsonNode register = register(auditor, asOf(time(9, 30)));
        assertThat(register.toString()).contains("Stavfelstjänst").doesNotContain("Stavningstjänsten");
        JsonNode changes = auditor.get("/api/services/" + id + "/changes?from=" + time(9, 30)).json();
        assertThat(texts(changes.get("fields"), "field")).containsExactly("name", "serviceModel");
        assertThat(changes.get("fields").get(0).get("cause").get("eventType").asText()).isEqualTo("ServiceRenamed");
        assertThat(changes.get("fields").get(1).get("cause").get("eventType").asText()).isEqualTo("ServiceModelCorrected");
    }

    @Test
    void a_revoked_risk_acceptance_counts_no_longer_from_its_date_and_history_keeps_it_as_it_was() {
        at(9, 0);
        String id = register("Återkallad risk");
        classify(id, 2, 2, 2, false, true);
        acceptRisk(id, 18, "ACQUIRE", TODAY.plusYears(1).toString(), "Kapaciteten följs upp");
        at(10, 0);
        long before = storedEvents();
        Api.Response bad = manager.post("/api/services/" + id + "/risk-acceptances/revocations",
                Map.of("measureId", 18, "phase", "LATER", "revokedFrom", "2026-02-30", "reason", " "));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(texts(bad.json().get("errors"), "field")).containsExactly("phase", "reason", "revokedFrom");
        Api.Response nothing = manager.post("/api/services/" + id + "/risk-acceptances/revocations",
                Map.of("measureId", 19, "phase", "ACQUIRE", "revokedFrom", TODAY.toString(), "reason", "Fel åtgärd"));
        assertThat(nothing.status()).as(nothing.toString()).isEqualTo(409);
        assertThat(nothing.json().get("violations").get(0).get("rule").asText()).isEqualTo("NO_ACCEPTANCE_TO_REVOKE");
        assertThat(storedEvents()).isEqualTo(before);

        // revoked from ten days on: it counts until then, not after
        Api.Response later = manager.post("/api/services/" + id + "/risk-acceptances/revocations", Map.of("measureId", 18,
                "phase", "ACQUIRE", "revokedFrom", TODAY.plusDays(10).toString(), "reason", "Kapaciteten räcker inte"));
        assertThat(later.status()).as(later.toString()).isEqualTo(200);
        assertThat(statusIn(later.json(), 18, "ACQUIRE")).isEqualTo("RISK_ACCEPTED");
        assertThat(statusIn(view(auditor, id, "validAt=" + TODAY.plusDays(9)), 18, "ACQUIRE")).isEqualTo("RISK_ACCEPTED");
        assertThat(statusIn(view(auditor, id, "validAt=" + TODAY.plusDays(10)), 18, "ACQUIRE")).isEqualTo("OPEN");
        JsonNode acceptance = later.json().get("riskAcceptances").get(0);
        assertThat(acceptance.get("revokedFrom").asText()).isEqualTo(TODAY.plusDays(10).toString());
        assertThat(acceptance.get("validUntil").asText()).as("as accepted").isEqualTo(TODAY.plusYears(1).toString());
        // then found to have been given in error: revoked from today, the measure is open now
        at(11, 0);
        Api.Response now = manager.post("/api/services/" + id + "/risk-acceptances/revocations", Map.of("measureId", 18,
                "phase", "ACQUIRE", "revokedFrom", TODAY.toString(), "reason", "Gavs på fel underlag"));
        assertThat(now.status()).as(now.toString()).isEqualTo(200);
        assertThat(statusIn(now.json(), 18, "ACQUIRE")).isEqualTo("OPEN");
        // before the revocations Molnkoll knew the acceptance as it was given
        JsonNode then = view(auditor, id, asOf(time(9, 30)));
        assertThat(statusIn(then, 18, "ACQUIRE")).isEqualTo("RISK_ACCEPTED");
        assertThat(then.get("riskAcceptances").get(0).get("revokedFrom").isNull()).isTrue();
        JsonNode trail = auditor.get("/api/services/" + id + "/audit?order=asc").json().get("entries");
        assertThat(texts(trail, "type")).endsWith("RiskAcceptanceApproved", "RiskAcceptanceRevoked", "RiskAcceptanceRevoked");
        assertThat(trail.get(trail.size() - 1).get("summary").asText())
                .isEqualTo("Accepterad risk för åtgärd 18 (ANS) återkallad från " + TODAY + ": Gavs på fel underlag");
        JsonNode changes = auditor.get("/api/services/" + id + "/changes?from=" + time(9, 30)).json();
        JsonNode reopened = null;
        for (JsonNode m : changes.get("measures")) if (m.get("measureId").asInt() == 18) reopened = m;
        assertThat(reopened).isNotNull();
        assertThat(reopened.get("cause").get("eventType").asText()).isEqualTo("RiskAcceptanceRevoked");
    }

    @Test
    void a_service_registered_by_mistake_is_archived_out_of_the_portfolio_and_stays_readable_for_auditors() {
        at(9, 0);
        String id = register("Dubblett av misstag");
        classify(id, 1, 1, 1, false, false);
        long servicesBefore = manager.get("/api/totals").json().get("services").asLong();
        at(10, 0);
        long before = storedEvents();
        Api.Response blank = manager.post("/api/services/" + id + "/archiving", Map.of("reason", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(texts(blank.json().get("errors"), "field")).containsExactly("reason");
        assertThat(storedEvents()).isEqualTo(before);

        Api.Response archived = manager.post("/api/services/" + id + "/archiving", Map.of("reason", "Registrerades två gånger"));
        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        assertThat(archived.json().get("archivedBecause").asText()).isEqualTo("Registrerades två gånger");
        // out of the register and the totals; still there by id for those who read history, not for a viewer
        assertThat(register(manager, "").toString()).doesNotContain(id);
        assertThat(manager.get("/api/totals").json().get("services").asLong()).isEqualTo(servicesBefore - 1);
        assertThat(auditor.get("/api/services/" + id).status()).isEqualTo(200);
        assertThat(Api.at(port).as("viewer").get("/api/services/" + id).status()).isEqualTo(404);
        assertThat(Api.at(port).as("viewer").get("/api/services/" + id + "/measures").status()).isEqualTo(404);
        assertThat(auditor.get("/api/services/" + id + "/measures").status()).isEqualTo(200);
        // it takes no further command
        before = storedEvents();
        Api.Response afterwards = manager.post("/api/services/" + id + "/corrections", Map.of("name", "Nytt", "reason", "x"));
        assertThat(afterwards.status()).isEqualTo(409);
        assertThat(afterwards.json().get("violations").get(0).get("rule").asText()).isEqualTo("SERVICE_ARCHIVED");
        assertThat(storedEvents()).isEqualTo(before);
        // before it was archived, the register had it; the trail ends with the archiving
        at(11, 0);
        assertThat(register(auditor, asOf(time(9, 30))).toString()).contains(id);
        JsonNode trail = auditor.get("/api/services/" + id + "/audit?order=asc").json().get("entries");
        assertThat(texts(trail, "type")).endsWith("ServiceArchived");
        assertThat(auditor.get("/api/audit/verification").json().get("intact").asBoolean()).isTrue();
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
        // outside what PostgreSQL can compare with: a 400, not a database error
        assertProblem(auditor.get(s + "?asOf=-5000-01-01"), 400, "asOf");
        assertProblem(auditor.get(s + "?asOf=-5000-01-01T00:00:00Z"), 400, "asOf");
        assertProblem(auditor.get(s + "/changes?from=1850-01-01T00:00:00Z"), 400, "from");
        assertProblem(auditor.get("/api/audit?to=%2B300000-01-01"), 400, "to");
        assertProblem(auditor.get("/api/audit/export?from=-0001-01-01T00:00:00Z&format=csv"), 400, "from");
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

    // ---- export and tamper evidence --------------------------------------------------------

    /** Waits (at most 10 s) until the hash chain covers every stored event; returns the head. */
    JsonNode awaitChained() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            JsonNode head = auditor.get("/api/audit/head").json();
            if (head.get("links").asLong() == head.get("storedEvents").asLong()) return head;
            assertThat(System.nanoTime()).as("the chain catches up within 10 s: " + head).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
    }

    /** RFC 4180, as an archive's tools would read it. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(row).as("the last row ends with CRLF").isEmpty();
        return rows;
    }

    @Test
    void the_trail_exports_as_csv_and_json_that_parse_back_to_the_same_entries_with_hashes() throws Exception {
        at(9, 0);
        String id = register("Arkivering, \"export\" och radbrytning");
        classify(id, 1, 1, 1, false, false);
        String certificate = recordEvidence(id, List.of(27), List.of("ACQUIRE"), TODAY.plusYears(1).toString());
        byte[] document = "Intyg om granskning".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var declared = evidence(List.of(29), List.of("ACQUIRE"), null);
        declared.remove("documentSha256");
        String plain = manager.post("/api/services/" + id + "/evidence", declared).json().get("id").asText();
        assertThat(manager.postFile("/api/services/" + id + "/evidence/" + plain + "/document", "intyg.txt", document)
                .status()).isEqualTo(201);
        withdraw(id, certificate);
        awaitChained();

        Api.Response csv = auditor.get("/api/services/" + id + "/audit/export?format=csv");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"molnkoll-audit-").endsWith(id + ".csv\"");
        List<List<String>> rows = parseCsv(csv.body());
        assertThat(rows.get(0)).containsExactly("position", "recordedAt", "actor", "serviceId", "sequenceNumber",
                "eventType", "eventId", "correlationId", "summary", "evidenceSha256", "importSha256", "importRow", "chainLink",
                "chainHash", "payload");
        List<List<String>> entries = rows.subList(1, rows.size());
        assertThat(csv.headers().firstValue("Molnkoll-Export-Entries").orElseThrow()).isEqualTo(Integer.toString(entries.size()));
        assertThat(entries).extracting(r -> r.get(5)).containsExactly("CloudServiceRegistered", "ClassificationSet",
                "EvidenceReceived", "EvidenceReceived", "DocumentAttached", "EvidenceWithdrawn");
        assertThat(entries.get(0).get(8)).contains("\"Arkivering, \"export\" och radbrytning\"");
        assertThat(entries.get(2).get(9)).isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assertThat(entries.get(3).get(9)).isEmpty();
        assertThat(entries.get(4).get(9)).isEqualTo(se.molnkoll.documents.StoredDocument.sha256Of(document));
        assertThat(entries).allSatisfy(r -> {
            assertThat(r.get(3)).isEqualTo(id);
            assertThat(r.get(13)).matches("[0-9a-f]{64}");
            assertThat(r.get(10)).as("no import caused these").isEmpty();
        });
        List<Long> positions = entries.stream().map(r -> Long.parseLong(r.get(0))).toList();
        assertThat(positions).isSorted();

        Api.Response jsonExport = auditor.get("/api/services/" + id + "/audit/export?format=json");
        assertThat(jsonExport.status()).isEqualTo(200);
        assertThat(jsonExport.contentType()).startsWith("application/json");
        JsonNode exported = jsonExport.json();
        assertThat(exported.get("count").asInt()).isEqualTo(entries.size());
        assertThat(exported.get("exportedBy").asText()).isEqualTo("auditor");
        assertThat(exported.get("filter").get("service").asText()).isEqualTo(id);
        assertThat(exported.get("chainHead").get("hash").asText()).matches("[0-9a-f]{64}");
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int i = 0; i < entries.size(); i++) {
            List<String> row = entries.get(i);
            JsonNode entry = exported.get("entries").get(i);
            for (int column = 0; column < rows.get(0).size(); column++) {
                String name = rows.get(0).get(column);
                JsonNode value = entry.get(name);
                if (name.equals("payload")) {
                    assertThat(mapper.readTree(row.get(column))).as(name).isEqualTo(value);
                } else {
                    assertThat(row.get(column)).as(name).isEqualTo(value.isNull() ? "" : value.asText());
                }
            }
        }
        // the same entries as the paged trail, in the same order
        JsonNode paged = auditor.get("/api/services/" + id + "/audit?order=asc").json().get("entries");
        assertThat(texts(paged, "eventId")).containsExactlyElementsOf(entries.stream().map(r -> r.get(6)).toList());
        assertThat(texts(paged, "position")).containsExactlyElementsOf(entries.stream().map(r -> r.get(0)).toList());

        // filters apply to the whole portfolio's export too
        JsonNode received = auditor.get("/api/audit/export?format=json&type=EvidenceReceived&service=" + id).json();
        assertThat(received.get("count").asInt()).isEqualTo(2);
        String all = manager.get("/api/audit/export?format=csv&from=" + TODAY).body();
        assertThat(parseCsv(all).stream().filter(r -> r.get(3).equals(id))).hasSize(entries.size());
    }

    @Test
    void the_trail_exports_for_a_spreadsheet_cell_by_cell_as_the_api_has_it_and_formulas_never_run() throws Exception {
        at(9, 0);
        String id = register("=HYPERLINK(\"http://elak.example\",\"Klicka\")");
        classify(id, 1, 1, 1, false, false);
        recordEvidence(id, List.of(27), List.of("ACQUIRE"), TODAY.plusYears(1).toString());
        awaitChained();
        JsonNode api = auditor.get("/api/services/" + id + "/audit/export?format=json").json().get("entries");

        var xlsx = auditor.getBytes("/api/services/" + id + "/audit/export?format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).endsWith(id + ".xlsx\"");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheet("Händelselogg");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:O" + (api.size() + 1));
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("recordedAt (Europe/Stockholm)");
            assertThat(sheet.getLastRowNum()).isEqualTo(api.size());
            for (int i = 0; i < api.size(); i++) {
                JsonNode entry = api.get(i);
                var row = sheet.getRow(i + 1);
                assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(entry.get("position").asDouble());
                assertThat(row.getCell(1).getLocalDateTimeCellValue()).isEqualTo(java.time.LocalDateTime.ofInstant(
                        Instant.parse(entry.get("recordedAt").asText()), BusinessDates.ZONE).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
                assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(entry.get("sequenceNumber").asDouble());
                assertThat(row.getCell(5).getStringCellValue()).isEqualTo(entry.get("eventType").asText());
                assertThat(row.getCell(8).getStringCellValue()).isEqualTo(entry.get("summary").asText());
                assertThat(row.getCell(13).getStringCellValue()).isEqualTo(entry.get("chainHash").asText());
                assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(row.getCell(14).getStringCellValue()))
                        .isEqualTo(entry.get("payload"));
            }
            // the service's name (a formula) appears in summaries and payloads as text, never as a formula
            for (var row : sheet) {
                for (var cell : row) assertThat(cell.getCellType()).isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
            }
        }

        Api.Response forExcel = auditor.get("/api/services/" + id + "/audit/export?format=csv-excel");
        assertThat(forExcel.status()).isEqualTo(200);
        assertThat(forExcel.body()).startsWith("\uFEFFposition;recordedAt;");
        List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.EXCEL.builder().setDelimiter(';')
                .setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(forExcel.body().substring(1))).getRecords();
        assertThat(records).hasSize(api.size());
        for (int i = 0; i < api.size(); i++) {
            assertThat(records.get(i).get("eventId")).isEqualTo(api.get(i).get("eventId").asText());
            assertThat(records.get(i).get("summary")).isEqualTo(api.get(i).get("summary").asText());
        }
        assertThat(records.get(0).get("summary")).contains("=HYPERLINK");
    }

    @Test
    void the_register_exports_as_a_spreadsheet_cell_by_cell_as_the_api_lists_it_at_any_moment() throws Exception {
        at(9, 0);
        String id = register("=1+1 tjänst");
        at(10, 0);
        classify(id, 2, 2, 2, false, true);
        at(11, 0);
        JsonNode listed = register(auditor, "");
        var xlsx = auditor.getBytes("/api/services/export?format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Tjänster");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Namn");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getLastRowNum()).isEqualTo(listed.size());
            for (int i = 0; i < listed.size(); i++) {
                JsonNode service = listed.get(i);
                var row = sheet.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(service.get("name").asText());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(service.get("vendor").asText());
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(service.get("organisationUnit").asText());
                String phase = service.get("phase").asText();
                assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(service.get("openMeasures").path(phase).asDouble(0));
                assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(service.get("openMeasures").path("ACQUIRE").asDouble(0));
                assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(service.get("openMeasures").path("OPERATE").asDouble(0));
                assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(service.get("openMeasures").path("EXIT").asDouble(0));
                assertThat(row.getCell(8).getStringCellValue()).isEqualTo(service.get("classified").asBoolean() ? "Ja" : "Nej");
                assertThat(row.getCell(12).getStringCellValue()).isEqualTo(service.get("id").asText());
                if (service.get("id").asText().equals(id)) {
                    assertThat(row.getCell(0).getCellStyle().getQuotePrefixed()).as("a formula shown as text").isTrue();
                    assertThat(row.getCell(0).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
                }
            }
        }
        // as known before the classification: the service unclassified, its acquisition count then
        var before = auditor.getBytes("/api/services/export?format=xlsx&" + asOf(time(9, 30)));
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(before.body()))) {
            var sheet = book.getSheetAt(0);
            var row = java.util.stream.StreamSupport.stream(sheet.spliterator(), false)
                    .filter(r -> r.getCell(12) != null && r.getCell(12).getStringCellValue().equals(id)).findFirst().orElseThrow();
            assertThat(row.getCell(8).getStringCellValue()).isEqualTo("Nej");
        }
        Api.Response csv = auditor.get("/api/services/export?format=csv-excel");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFFNamn;Leverantör;");
        List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.EXCEL.builder().setDelimiter(';')
                .setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv.body().substring(1))).getRecords();
        assertThat(records).hasSize(listed.size());
        assertThat(records.stream().filter(r -> r.get("Tjänstens id").equals(id)).findFirst().orElseThrow().get("Namn"))
                .isEqualTo("'=1+1 tjänst");
        assertProblem(auditor.get("/api/services/export?format=csv"), 400, "format");
    }

    @Test
    void a_services_measures_and_the_certificates_export_cell_by_cell_as_the_api_lists_them() throws Exception {
        at(9, 0);
        String id = register("Mätbar tjänst");
        classify(id, 2, 2, 2, false, true);
        Map<String, Object> certificate = new java.util.HashMap<>(Api.certificateFor27("ISO 27001 snart ute", TODAY.minusDays(300)));
        certificate.put("validUntil", TODAY.plusDays(10).toString());
        assertThat(manager.post("/api/services/" + id + "/evidence", certificate).status()).isEqualTo(201);
        at(10, 0);

        JsonNode measures = auditor.get("/api/services/" + id + "/measures?phase=ACQUIRE").json();
        var xlsx = auditor.getBytes("/api/services/" + id + "/measures/export?format=xlsx&phase=ACQUIRE");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Åtgärd");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getLastRowNum()).isEqualTo(measures.size());
            for (int i = 0; i < measures.size(); i++) {
                var row = sheet.getRow(i + 1);
                JsonNode m = measures.get(i);
                assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(m.get("measureId").asDouble());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo("Anskaffa");
                String status = switch (m.get("status").asText()) {
                    case "COVERED" -> "Uppfylld";
                    case "OPEN" -> "Öppen";
                    case "EXPIRED" -> "Utgången";
                    default -> "Risk accepterad";
                };
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(status);
                if (m.get("measureId").asInt() == 27) {
                    assertThat(row.getCell(4).getStringCellValue()).isEqualTo("ISO 27001 snart ute");
                    assertThat(row.getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(TODAY.plusDays(10));
                }
            }
        }
        // as known before the certificate: measure 27 open, no evidence behind it
        var before = auditor.getBytes("/api/services/" + id + "/measures/export?format=csv-excel&phase=ACQUIRE&" + asOf(time(9, 0).minusSeconds(1)));
        assertThat(before.statusCode()).isEqualTo(404); // the service did not exist yet at 08:59:59

        JsonNode listed = auditor.get("/api/certificates").json();
        var certificates = auditor.getBytes("/api/certificates/export?format=xlsx");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(certificates.body()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(listed.size());
            for (int i = 0; i < listed.size(); i++) {
                var row = sheet.getRow(i + 1);
                JsonNode c = listed.get(i);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(c.get("serviceName").asText());
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(c.get("title").asText());
                assertThat(row.getCell(6).getLocalDateTimeCellValue().toLocalDate().toString()).isEqualTo(c.get("validUntil").asText());
                assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(c.get("daysLeft").asDouble());
            }
        }
        Api.Response csv = auditor.get("/api/certificates/export?format=csv-excel&status=EXPIRING");
        assertThat(csv.body()).startsWith("\uFEFFTjänst;Organisationsenhet;");
        List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.EXCEL.builder().setDelimiter(';')
                .setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv.body().substring(1))).getRecords();
        JsonNode expiring = auditor.get("/api/certificates?status=EXPIRING").json();
        assertThat(records).hasSize(expiring.size());
        assertThat(records.stream().anyMatch(r -> r.get("Titel").equals("ISO 27001 snart ute") && r.get("Dagar kvar").equals("10"))).isTrue();
        assertProblem(auditor.get("/api/certificates/export?format=pdf"), 400, "format");
    }

    @Test
    void a_bad_export_request_is_refused_and_only_audit_readers_may_export_or_verify() {
        assertProblem(auditor.get("/api/audit/export?format=xml"), 400, "format");
        assertProblem(auditor.get("/api/audit/export"), 400, "format");
        // an export holds every entry, oldest first: it takes no page, size or order
        assertProblem(auditor.get("/api/audit/export?format=csv&page=2"), 400, "page");
        assertProblem(auditor.get("/api/audit/export?format=csv&order=desc"), 400, "order");
        assertProblem(auditor.get("/api/audit/export?format=json&type=Nothing"), 400, "type");
        assertProblem(auditor.get("/api/services/00000000-0000-4000-8000-000000000000/audit/export?format=csv"), 404, null);
        // the exports moved from the paged trail's path: an old client is told, not given a page
        assertProblem(auditor.get("/api/audit?format=csv"), 400, "format");
        assertProblem(auditor.get("/api/audit/verification?position=5"), 400, "hash");
        assertProblem(auditor.get("/api/audit/verification?position=5&hash=abc"), 400, "hash");
        assertProblem(auditor.get("/api/audit/verification?position=x&hash=" + "a".repeat(64)), 400, "position");
        Api viewer = Api.at(port).as("viewer");
        for (String path : List.of("/api/audit/export?format=csv", "/api/audit/head", "/api/audit/verification")) {
            assertProblem(viewer.get(path), 403, null);
            assertProblem(Api.at(port).as("admin").get(path), 403, null);
            assertProblem(Api.at(port).get(path), 401, null);
        }
    }

    @Test
    void the_chain_verifies_and_names_the_one_stored_event_altered_with_plain_sql() {
        at(9, 0);
        String id = register("Manipulerad historik");
        classify(id, 1, 1, 1, false, false);
        recordEvidence(id, List.of(27), List.of("ACQUIRE"), TODAY.plusYears(1).toString());
        JsonNode head = awaitChained();
        assertThat(head.get("position").asLong()).isEqualTo(
                jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));

        JsonNode intact = auditor.get("/api/audit/verification").json();
        assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.get("checkedEvents").asLong()).isEqualTo(head.get("links").asLong());
        assertThat(intact.get("firstFinding").isNull()).isTrue();
        String recorded = "position=" + head.get("position").asLong() + "&hash=" + head.get("hash").asText();
        assertThat(auditor.get("/api/audit/verification?" + recorded).json().get("intact").asBoolean()).isTrue();

        Map<String, Object> row = jdbc.queryForMap("select event_identifier, global_index, payload from domain_event_entry"
                + " where aggregate_identifier = ? and payload_type like '%EvidenceReceived'", id);
        byte[] original = (byte[]) row.get("payload");
        String altered = new String(original, java.nio.charset.StandardCharsets.UTF_8).replace("2027-", "2099-");
        assertThat(altered).isNotEqualTo(new String(original, java.nio.charset.StandardCharsets.UTF_8));
        try {
            jdbc.update("update domain_event_entry set payload = ? where event_identifier = ?",
                    altered.getBytes(java.nio.charset.StandardCharsets.UTF_8), row.get("event_identifier"));

            JsonNode caught = auditor.get("/api/audit/verification").json();
            assertThat(caught.get("intact").asBoolean()).isFalse();
            JsonNode finding = caught.get("firstFinding");
            assertThat(finding.get("kind").asText()).isEqualTo("ALTERED");
            assertThat(finding.get("eventIdentifier").asText()).isEqualTo(row.get("event_identifier"));
            assertThat(finding.get("position").asLong()).isEqualTo(((Number) row.get("global_index")).longValue());
            assertThat(finding.get("aggregateIdentifier").asText()).isEqualTo(id);
            assertThat(finding.get("eventType").asText()).endsWith("EvidenceReceived");
            assertThat(auditor.get("/api/audit/verification?" + recorded).json().get("firstFinding").get("eventIdentifier")
                    .asText()).isEqualTo(row.get("event_identifier"));
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where event_identifier = ?", original,
                    row.get("event_identifier"));
        }
        assertThat(auditor.get("/api/audit/verification").json().get("intact").asBoolean()).isTrue();
    }

    // ---- rebuild ---------------------------------------------------------------------------

    Map<String, List<String>> readModelContent() {
        return ReadModelContent.of(jdbc);
    }

    @Test
    void an_admin_rebuilds_every_read_model_from_the_event_store_and_gets_exactly_the_live_ones() {
        at(9, 0);
        String id = register("Återuppbyggd");
        classify(id, 2, 2, 2, true, true);
        String certificate = recordEvidence(id, List.of(27, 30), List.of("ACQUIRE"), TODAY.plusDays(2).toString());
        recordEvidence(id, List.of(31), List.of("ACQUIRE", "OPERATE"), null);
        acceptRisk(id, 8, "ACQUIRE", TODAY.plusYears(1).toString(), "Låg risk");
        // a proposal left waiting and one rejected are rebuilt as well
        assertThat(manager.post("/api/services/" + id + "/risk-proposals", Map.of("measureId", 9, "phase", "ACQUIRE",
                "residualRisk", "Väntar", "motivation", "m", "validUntil", TODAY.plusYears(1).toString())).status()).isEqualTo(201);
        at(10, 0);
        classify(id, 1, 1, 1, false, true);
        // its vendor as a record: a contact, a sub-processor that moves abroad (a location conflict), a certificate
        // adopted and then withdrawn at the vendor (ended at the service by the follower)
        String vendor = manager.post("/api/vendors", Map.of("name", "Återmoln AB", "organisationNumber", "556036-0793",
                "country", "SE")).json().get("id").asText();
        assertThat(manager.post("/api/vendors/" + vendor + "/contacts/SUPPORT", Map.of("name", "Servicedesk", "email",
                "support@atermoln.example")).status()).isEqualTo(200);
        String subProcessor = manager.post("/api/vendors/" + vendor + "/sub-processors", Map.of("name", "Drift Oy", "country", "FI",
                "activity", "Drift", "processingCountries", List.of("FI"), "notifiedOn", TODAY.toString())).json().get("id").asText();
        assertThat(manager.post("/api/services/" + id + "/vendor-link", Map.of("vendorId", vendor, "reason", "Vald")).status()).isEqualTo(200);
        assertThat(manager.post("/api/services/" + id + "/locations", Map.of("storageCountries", List.of("SE"),
                "subProcessorIds", List.of(subProcessor), "declaredOn", TODAY.toString())).status()).isEqualTo(200);
        assertThat(manager.post("/api/vendors/" + vendor + "/sub-processors/" + subProcessor + "/changes", Map.of("name", "Drift Oy",
                "country", "FI", "activity", "Drift", "processingCountries", List.of("FI", "US"), "notifiedOn", TODAY.toString(),
                "reason", "Flyttad")).status()).isEqualTo(200);
        String vendorCertificate = manager.post("/api/vendors/" + vendor + "/evidence", Map.of("kind", "CERTIFICATE",
                "title", "ISO/IEC 27001", "issuer", "Cert AB", "scope", "Allt", "receivedOn", TODAY.toString()))
                .json().get("id").asText();
        assertThat(manager.post("/api/services/" + id + "/vendor-evidence", Map.of("vendorEvidenceId", vendorCertificate,
                "measureIds", List.of(27), "phases", List.of("ACQUIRE"))).status()).isEqualTo(201);
        assertThat(manager.post("/api/vendors/" + vendor + "/evidence/" + vendorCertificate + "/withdrawal",
                Map.of("reason", "Återkallat")).status()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from audit_entry where service_id = ? and actor = 'system:vendor-evidence'", Long.class, id) == 1);
        // another service in operation, with a task given out and moved, one done, and its reviews
        String operated = register("Återuppbyggd i drift");
        classify(operated, 1, 1, 1, false, false);
        intoOperation(operated);
        int exitMeasure = measures(operated, "EXIT", "OPEN").get(0);
        String task = manager.post("/api/services/" + operated + "/tasks", Map.of("measureId", exitMeasure, "phase", "EXIT",
                "assignee", "karin", "dueOn", TODAY.plusDays(30).toString())).json().get("id").asText();
        assertThat(manager.post("/api/services/" + operated + "/tasks/" + task + "/reassignment", Map.of("assignee", "olle",
                "dueOn", TODAY.plusDays(40).toString(), "note", "Karin är ledig")).status()).isEqualTo(200);
        TestClock.CLOCK.set(TODAY.plusDays(5));
        sweep();
        withdraw(id, certificate);
        // a year on: the acceptance ends, the reviews lapse, one is recorded
        TestClock.CLOCK.set(TODAY.plusYears(1).plusDays(5));
        sweep();
        assertThat(manager.post("/api/services/" + operated + "/reviews", Map.of("measureId", 38, "phase", "OPERATE",
                "outcome", "OK")).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%ReviewFellDue'"
                + " and aggregate_identifier = ?", Long.class, operated)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%RiskAcceptanceEnded'"
                + " and aggregate_identifier = ?", Long.class, id)).isEqualTo(1);
        Map<String, List<String>> live = readModelContent();
        assertThat(live.get("follow_up_task")).hasSize(2);
        assertThat(live.get("review_due")).isNotEmpty();
        assertThat(live.get("scheduled_review")).isNotEmpty();
        assertThat(live.get("cloud_service")).isNotEmpty();
        assertThat(live.get("vendor_evidence_adoption")).hasSize(1);
        assertThat(live.get("vendor_evidence")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(live.get("service_location").stream().filter(row -> row.contains("in_conflict=true"))).isNotEmpty();
        long stored = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        List<Long> liveRows = jdbc.queryForList("select row_id from cloud_service", Long.class);

        Api admin = Api.at(port).as("admin");
        Api.Response started = admin.post("/api/admin/rebuild", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith("/api/admin/rebuild");
        assertThat(started.json().get("state").asText()).isEqualTo("RUNNING");
        assertThat(started.json().get("requestedBy").asText()).isEqualTo("admin");
        assertThat(started.json().get("eventsTotal").asLong()).isEqualTo(stored);

        JsonNode done = Rebuilds.awaitEnd(admin);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("eventsDone").asLong()).isEqualTo(stored);
        assertThat(done.get("finishedAt").isNull()).isFalse();
        assertThat(done.get("readModels")).hasSize(4).allSatisfy(model -> {
            assertThat(model.get("running").asBoolean()).isTrue();
            assertThat(model.get("position").asLong()).isGreaterThanOrEqualTo(
                    jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
            assertThat(model.get("error").isNull()).isTrue();
        });
        assertThat(readModelContent()).isEqualTo(live);
        assertThat(jdbc.queryForList("select row_id from cloud_service", Long.class)).as("rows written anew")
                .hasSameSizeAs(liveRows).doesNotContainAnyElementsOf(liveRows);
        // the chain is evidence, not a read model: untouched and still intact
        assertThat(auditor.get("/api/audit/verification").json().get("intact").asBoolean()).isTrue();
        assertThat(statusIn(manager.get("/api/services/" + id).json(), 27, "ACQUIRE")).isEqualTo("OPEN");
    }
}
