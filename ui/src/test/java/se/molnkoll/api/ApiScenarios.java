package se.molnkoll.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.molnkoll.support.Api;
import se.molnkoll.support.TestClock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.support.TestClock.TODAY;

/**
 * What a contract manager and an auditor do, through HTTP against the running application. Each
 * scenario works on services of its own, so they share one application context. Subclasses choose
 * the database.
 */
abstract class ApiScenarios extends Scenarios {

    @Autowired
    EventStorageEngine eventStore;

    // ---- scenarios -------------------------------------------------------------------------

    @Test
    void the_register_comes_in_pages_filtered_and_sorted_by_the_database_in_swedish_order_with_its_total() {
        String unit = "Registersidor " + java.util.UUID.randomUUID();
        Map<String, String> ids = new LinkedHashMap<>();
        for (String name : List.of("Öppna data", "Zebra", "alfa", "Ärendet", "Beta", "Åtkomst")) {
            Api.Response created = manager.post("/api/services", Map.of("name", name, "vendor", name.equals("Zebra") ? "Ränder AB" : "Moln AB",
                    "serviceModel", "SAAS", "organisationUnit", unit, "owner", "Anna Andersson"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ids.put(name, created.json().get("id").asText());
        }
        classify(ids.get("Beta"), 2, 2, 2, false, true);
        String ofUnit = "/api/services?unit=" + java.net.URLEncoder.encode(unit, java.nio.charset.StandardCharsets.UTF_8);

        List<String> names = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode one = manager.get(ofUnit + "&size=2&page=" + page).json();
            assertThat(one.get("totalServices").asLong()).isEqualTo(6);
            assertThat(one.get("totalPages").asInt()).isEqualTo(3);
            assertThat(one.get("size").asInt()).isEqualTo(2);
            assertThat(one.get("units").toString()).contains(unit);
            names.addAll(texts(one.get("services"), "name"));
        }
        assertThat(names).as("Swedish order: å, ä, ö after z").containsExactly("alfa", "Beta", "Zebra", "Åtkomst", "Ärendet", "Öppna data");
        assertThat(texts(manager.get(ofUnit + "&sort=name&dir=desc&size=3").json().get("services"), "name"))
                .containsExactly("Öppna data", "Ärendet", "Åtkomst");
        assertThat(texts(manager.get(ofUnit + "&q=R%C3%84NDER").json().get("services"), "name")).as("the vendor, whatever the case")
                .containsExactly("Zebra");
        JsonNode mostOpen = manager.get(ofUnit + "&sort=open&dir=desc&size=1").json();
        assertThat(mostOpen.get("services").get(0).get("name").asText()).isEqualTo("Beta");
        assertThat(mostOpen.get("services").get(0).get("openInPhase").asLong())
                .isEqualTo(mostOpen.get("services").get(0).get("openMeasures").get("ACQUIRE").asLong()).isPositive();
        assertThat(manager.get(ofUnit + "&phase=OPERATE").json().get("totalServices").asLong()).isZero();
        assertThat(manager.get(ofUnit + "&expired=true").json().get("services")).isEmpty();
        JsonNode beyond = manager.get(ofUnit + "&page=7").json();
        assertThat(beyond.get("services")).isEmpty();
        assertThat(beyond.get("totalServices").asLong()).isEqualTo(6);

        Api.Response bad = manager.get("/api/services?sort=colour&dir=up&size=501");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(texts(bad.json().get("errors"), "field")).containsExactlyInAnyOrder("sort", "dir", "size");
    }

    @Test
    void a_processor_whose_token_has_gaps_gets_the_gap_events_and_then_those_after_its_position_in_order() {
        List<Long> indexes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = register("Lucka " + i);
            indexes.add(jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ?",
                    Long.class, id));
        }
        // as a processor sees it when the first two were not yet committed as it read the third
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(indexes.get(2),
                new TreeSet<>(List.of(indexes.get(0), indexes.get(1))));
        List<String> expected = jdbc.queryForList("select event_identifier from domain_event_entry"
                + " where global_index in (?, ?) or global_index > ? order by global_index limit 4", String.class,
                indexes.get(0), indexes.get(1), indexes.get(2));
        try (Stream<? extends TrackedEventMessage<?>> events = eventStore.readEvents(token, false)) {
            assertThat(events.limit(4).map(TrackedEventMessage::getIdentifier).toList()).isEqualTo(expected);
        }
        assertThat(expected).hasSize(4);
        assertThat(eventStore.getClass().getSimpleName()).isEqualTo("GapTolerantEngine");
    }


    @Test
    void a_contract_manager_takes_a_service_from_registration_to_decommissioning() {
        String id = register("Samarbetsyta");
        assertThat(summaryOf(id).get("phase").asText()).isEqualTo("ACQUIRE");
        classify(id, 1, 1, 1, false, false);

        List<Integer> acquire = measures(id, "ACQUIRE", "OPEN");
        Api.Response refused = manager.post("/api/services/" + id + "/operation", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("violations").get(0).get("rule").asText()).isEqualTo("ACQUIRE_MEASURES_OPEN");
        assertThat(refused.json().get("violations").get(0).get("measures")).hasSize(acquire.size());

        List<Integer> allButEight = acquire.stream().filter(m -> m != 8).toList();
        String certificate = recordEvidence(id, allButEight, List.of("ACQUIRE", "OPERATE", "EXIT"), TODAY.plusYears(1).toString());
        Api.Response proposed = manager.post("/api/services/" + id + "/risk-proposals", Map.of("measureId", 8,
                "phase", "ACQUIRE", "residualRisk", "Lösenord delas inte ut", "motivation", "Leverantören delar inte ut lösenord",
                "validUntil", TODAY.plusYears(1).toString()));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        assertThat(statusOf(id, 8, "ACQUIRE")).as("a proposal counts for nothing").isEqualTo("OPEN");
        String proposal = proposed.json().get("id").asText();
        Api.Response ownApproval = manager.post("/api/services/" + id + "/risk-proposals/" + proposal + "/approval", Map.of());
        assertThat(ownApproval.status()).as("only a risk owner approves").isEqualTo(403);
        Api.Response accepted = riskOwner.post("/api/services/" + id + "/risk-proposals/" + proposal + "/approval",
                Map.of("note", "Godkänt för ett år"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(statusOf(id, 8, "ACQUIRE")).isEqualTo("RISK_ACCEPTED");
        assertThat(measures(id, "ACQUIRE", "OPEN")).isEmpty();

        Api.Response started = manager.post("/api/services/" + id + "/operation", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.json().get("phase").asText()).isEqualTo("OPERATE");
        assertThat(statusOf(id, 42, "OPERATE")).isEqualTo("COVERED");

        Api.Response changed = manager.post("/api/services/" + id + "/provider-changes",
                Map.of("description", "Ny underleverantör för drift", "changedOn", TODAY.toString()));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(statusOf(id, 42, "OPERATE")).isEqualTo("OPEN");
        assertThat(statusOf(id, 42, "ACQUIRE")).isEqualTo("COVERED");

        Api.Response terminated = manager.post("/api/services/" + id + "/termination",
                Map.of("terminatedOn", TODAY.plusMonths(3).toString(), "reason", "Avtalet löper ut"));
        assertThat(terminated.status()).as(terminated.toString()).isEqualTo(200);
        assertThat(terminated.json().get("phase").asText()).isEqualTo("EXIT");
        assertThat(measures(id, "EXIT", "OPEN")).isEmpty();

        Api.Response decommissioned = manager.post("/api/services/" + id + "/decommissioning", null);
        assertThat(decommissioned.status()).as(decommissioned.toString()).isEqualTo(200);
        assertThat(decommissioned.json().get("decommissioned").asBoolean()).isTrue();

        Api.Response afterwards = manager.post("/api/services/" + id + "/evidence/" + certificate + "/withdrawal",
                Map.of("reason", "för sent"));
        assertThat(afterwards.status()).isEqualTo(409);
        assertThat(afterwards.json().get("violations").get(0).get("rule").asText()).isEqualTo("SERVICE_DECOMMISSIONED");

        JsonNode trail = auditor.get("/api/services/" + id + "/audit?order=asc").json();
        assertThat(texts(trail.get("entries"), "type")).containsExactly("CloudServiceRegistered", "ClassificationSet",
                "EvidenceReceived", "RiskAcceptanceProposed", "RiskAcceptanceApproved", "OperationStarted",
                "ReviewScheduled", "ReviewScheduled", "ReviewScheduled", "ReviewScheduled", "ProviderChangeRecorded",
                "ContractTerminated", "ServiceDecommissioned");
        assertThat(texts(trail.get("entries"), "actor")).containsExactly("manager", "manager", "manager", "manager",
                "riskowner", "manager", "manager", "manager", "manager", "manager", "manager", "manager", "manager");
        assertThat(texts(trail.get("entries"), "serviceId")).containsOnly(id);
    }

    @Test
    void a_review_not_done_in_time_makes_its_measure_open_until_it_is_recorded_and_the_next_is_scheduled() {
        String id = register("Granskad tjänst");
        classify(id, 1, 1, 1, false, false);
        intoOperation(id);
        JsonNode schedule = auditor.get("/api/catalogue/review-schedule").json();
        assertThat(texts(schedule.get("reviews"), "measureId")).contains("5", "17", "18", "34", "38", "42");
        JsonNode reviews = auditor.get("/api/reviews?serviceId=" + id).json();
        assertThat(texts(reviews, "measureId")).containsExactlyInAnyOrder("5", "17", "38", "42");
        assertThat(texts(reviews, "dueOn")).containsOnly(TODAY.plusYears(1).toString());
        assertThat(statusOf(id, 38, "OPERATE")).isEqualTo("COVERED");

        // a year and a day later the sweep records the lapse, once: measure 38 is REVIEW_DUE and counted as open
        TestClock.CLOCK.set(TODAY.plusYears(1).plusDays(1));
        sweep();
        sweep();
        assertThat(statusOf(id, 38, "OPERATE")).isEqualTo("REVIEW_DUE");
        assertThat(summaryOf(id).get("openMeasures").get("OPERATE").asInt()).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%ReviewFellDue'", Long.class, id)).isEqualTo(4);
        assertThat(auditor.get("/api/reviews?pastDue=true").json().toString()).contains(id);
        assertThat(auditor.get("/api/dashboard").json().get("reviewsPastDue").asInt()).isGreaterThanOrEqualTo(4);

        // recorded: covered again from today, the next due a year on; a review of a measure without a schedule is refused
        Api.Response reviewed = manager.post("/api/services/" + id + "/reviews", Map.of("measureId", 38, "phase", "OPERATE",
                "outcome", "ACTION_NEEDED", "note", "Revisionsrapporten saknar bilaga", "reference", "Ärende 2027/88"));
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        JsonNode review = java.util.stream.StreamSupport.stream(reviewed.json().spliterator(), false)
                .filter(r -> r.get("measureId").asInt() == 38).findFirst().orElseThrow();
        assertThat(review.get("dueOn").asText()).isEqualTo(TODAY.plusYears(2).plusDays(1).toString());
        assertThat(review.get("lastReviewer").asText()).isEqualTo("manager");
        assertThat(review.get("lastOutcome").asText()).isEqualTo("ACTION_NEEDED");
        assertThat(statusOf(id, 38, "OPERATE")).isEqualTo("COVERED");
        Api.Response unscheduled = manager.post("/api/services/" + id + "/reviews", Map.of("measureId", 3, "phase", "OPERATE",
                "outcome", "OK"));
        assertThat(unscheduled.status()).isEqualTo(409);
        assertThat(unscheduled.json().get("violations").get(0).get("rule").asText()).isEqualTo("REVIEW_NOT_SCHEDULED");
        TestClock.CLOCK.set(TODAY);
    }

    @Test
    void an_administrator_changes_the_review_schedule_with_a_reason_and_services_going_into_operation_follow_it() {
        Api admin = Api.at(port).as("admin");
        long before = storedEvents();
        Api.Response bad = admin.post("/api/admin/review-schedule", Map.of("measureId", 34, "phase", "OPERATE",
                "intervalMonths", 6, "reason", "Samma som förut"));
        assertThat(bad.status()).isEqualTo(409);
        assertThat(bad.json().get("violations").get(0).get("rule").asText()).isEqualTo("NOTHING_TO_CHANGE");
        assertThat(manager.post("/api/admin/review-schedule", Map.of("measureId", 34, "phase", "OPERATE",
                "intervalMonths", 3, "reason", "x")).status()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);

        Api.Response changed = admin.post("/api/admin/review-schedule", Map.of("measureId", 34, "phase", "OPERATE",
                "intervalMonths", 3, "reason", "Loggarna granskas kvartalsvis enligt nytt beslut"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        try {
            JsonNode schedule = auditor.get("/api/catalogue/review-schedule").json().get("reviews");
            JsonNode logs = java.util.stream.StreamSupport.stream(schedule.spliterator(), false)
                    .filter(r -> r.get("measureId").asInt() == 34).findFirst().orElseThrow();
            assertThat(logs.get("intervalMonths").asInt()).isEqualTo(3);
            assertThat(logs.get("basis").asText()).contains("Loggarna granskas kvartalsvis");
            JsonNode trail = auditor.get("/api/audit?type=ReviewScheduleChanged").json().get("entries");
            assertThat(trail.get(0).get("actor").asText()).isEqualTo("admin");
            assertThat(trail.get(0).get("summary").asText())
                    .isEqualTo("Granskningsschemat ändrat: åtgärd 34 (FÖR) från var 6:e månad till var 3:e månad: "
                            + "Loggarna granskas kvartalsvis enligt nytt beslut");

            // a service handling personal data goes into operation: its log review is due in three months
            String id = register("Loggad tjänst");
            classify(id, 1, 1, 1, false, true);
            intoOperation(id);
            JsonNode reviews = auditor.get("/api/reviews?serviceId=" + id).json();
            JsonNode review34 = java.util.stream.StreamSupport.stream(reviews.spliterator(), false)
                    .filter(r -> r.get("measureId").asInt() == 34).findFirst().orElseThrow();
            assertThat(review34.get("dueOn").asText()).isEqualTo(TODAY.plusMonths(3).toString());
        } finally {
            assertThat(admin.post("/api/admin/review-schedule", Map.of("measureId", 34, "phase", "OPERATE",
                    "intervalMonths", 6, "reason", "Tillbaka till det levererade")).status()).isEqualTo(200);
        }
    }

    @Test
    void open_measures_per_phase_are_what_the_routine_says_for_the_classification() {
        String lowest = register("Öppna data");
        assertThat(summaryOf(lowest).get("openMeasures").toString()).isEqualTo("{\"ACQUIRE\":22,\"OPERATE\":17,\"EXIT\":3}");
        classify(lowest, 0, 0, 0, false, false);
        assertThat(summaryOf(lowest).get("openMeasures").toString()).isEqualTo("{\"ACQUIRE\":22,\"OPERATE\":17,\"EXIT\":3}");

        String highest = register("Journalsystem");
        classify(highest, 4, 4, 4, true, true);
        assertThat(summaryOf(highest).get("openMeasures").toString()).isEqualTo("{\"ACQUIRE\":36,\"OPERATE\":28,\"EXIT\":4}");
        assertThat(measures(highest, "EXIT", null)).containsExactly(33, 40, 41, 42);

        String availability = register("Bokningssystem");
        classify(availability, 0, 0, 2, false, false);
        assertThat(measures(availability, "OPERATE", null)).contains(17, 18, 19).doesNotContain(20, 31);
        assertThat(measures(availability, "ACQUIRE", null)).contains(18, 19, 23, 25).doesNotContain(17, 30, 31);

        classify(highest, 0, 0, 0, false, true);
        assertThat(summaryOf(highest).get("openMeasures").toString()).isEqualTo("{\"ACQUIRE\":35,\"OPERATE\":27,\"EXIT\":4}");
        assertThat(measures(highest, "ACQUIRE", null)).contains(31).doesNotContain(18);
    }

    @Test
    void evidence_covers_while_valid_and_is_expired_after_its_last_day() {
        String id = register("Lagringstjänst");
        classify(id, 2, 2, 2, false, true);
        String certificate = recordEvidence(id, List.of(27, 30, 38), List.of("ACQUIRE", "OPERATE"), TODAY.plusDays(30).toString());
        assertThat(statusOf(id, 27, "ACQUIRE")).isEqualTo("COVERED");
        assertThat(statusOf(id, 38, "OPERATE")).isEqualTo("COVERED");
        JsonNode view = manager.get("/api/services/" + id).json();
        JsonNode recorded = view.get("evidence").get(0);
        assertThat(recorded.get("id").asText()).isEqualTo(certificate);
        assertThat(recorded.get("documentSha256").asText()).isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assertThat(recorded.get("recordedBy").asText()).isEqualTo("manager");
        assertThat(recorded.get("receivedOn").asText()).isEqualTo(TODAY.minusDays(3).toString());

        TestClock.CLOCK.set(TODAY.plusDays(30));
        assertThat(statusOf(id, 27, "ACQUIRE")).isEqualTo("COVERED");
        TestClock.CLOCK.set(TODAY.plusDays(31));
        assertThat(statusOf(id, 27, "ACQUIRE")).isEqualTo("EXPIRED");
        assertThat(measures(id, "ACQUIRE", "EXPIRED")).containsExactly(27, 30, 38);
        assertThat(measures(id, "OPERATE", "EXPIRED")).containsExactly(38);
    }

    @Test
    void withdrawn_evidence_no_longer_covers_and_its_history_stays() {
        String id = register("E-tjänst");
        classify(id, 1, 1, 1, false, false);
        String evidenceId = recordEvidence(id, List.of(3), List.of("ACQUIRE"), null);
        assertThat(statusOf(id, 3, "ACQUIRE")).isEqualTo("COVERED");

        Api.Response withdrawn = manager.post("/api/services/" + id + "/evidence/" + evidenceId + "/withdrawal",
                Map.of("reason", "Gäller en annan tjänst"));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(statusOf(id, 3, "ACQUIRE")).isEqualTo("OPEN");
        JsonNode evidence = withdrawn.json().get("evidence").get(0);
        assertThat(evidence.get("withdrawn").asBoolean()).isTrue();
        assertThat(evidence.get("withdrawalReason").asText()).isEqualTo("Gäller en annan tjänst");

        Api.Response again = manager.post("/api/services/" + id + "/evidence/" + evidenceId + "/withdrawal", Map.of("reason", "igen"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("violations").get(0).get("rule").asText()).isEqualTo("EVIDENCE_ALREADY_WITHDRAWN");
    }

    @Test
    void every_read_right_after_a_write_shows_it() {
        String id = register("Snabbtjänst");
        classify(id, 0, 0, 0, false, false);
        List<Integer> acquire = measures(id, "ACQUIRE", "OPEN");
        for (int i = 0; i < acquire.size(); i++) {
            recordEvidence(id, List.of(acquire.get(i)), List.of("ACQUIRE"), null);
            assertThat(measures(id, "ACQUIRE", "OPEN")).hasSize(acquire.size() - i - 1);
            assertThat(auditor.get("/api/services/" + id + "/audit?size=1").json().get("entries").get(0).get("type").asText())
                    .isEqualTo("EvidenceReceived");
        }
    }

    @Test
    void each_event_records_who_caused_it_and_the_request_it_came_from() {
        String id = register("Spårbar tjänst");
        Api.Response classified = manager.withHeader("X-Correlation-Id", "req-4711")
                .put("/api/services/" + id + "/classification", classification(1, 1, 1, false, false));
        assertThat(classified.status()).isEqualTo(200);
        assertThat(classified.headers().firstValue("X-Correlation-Id")).hasValue("req-4711");
        JsonNode entry = auditor.get("/api/audit?service=" + id + "&type=ClassificationSet").json().get("entries").get(0);
        assertThat(entry.get("actor").asText()).isEqualTo("manager");
        assertThat(entry.get("correlationId").asText()).isEqualTo("req-4711");
        assertThat(entry.get("summary").asText()).startsWith("Informationsklassning satt: K1 R1 T1");
        assertThat(entry.get("payload").get("classification").get("allowedLocations")).hasSize(2);
        assertThat(entry.get("recordedAt").asText()).startsWith(TODAY.toString());
    }

    @Test
    void a_rejected_command_writes_nothing() {
        String id = register("Avvisad");
        long before = storedEvents();
        List<Api.Response> rejected = List.of(
                manager.post("/api/services/" + id + "/evidence", evidence(List.of(24), List.of("ACQUIRE"), null)), // unclassified
                manager.put("/api/services/" + id + "/classification", classification(5, 0, 0, false, false)),
                manager.post("/api/services/" + id + "/operation", null),
                manager.post("/api/services/" + id + "/provider-changes", Map.of("description", "x", "changedOn", TODAY.toString())),
                manager.post("/api/services/" + id + "/decommissioning", null),
                manager.post("/api/services/" + id + "/risk-proposals", Map.of("measureId", 24, "phase", "ACQUIRE",
                        "residualRisk", "x", "motivation", "y", "validUntil", TODAY.plusDays(1).toString())),
                manager.post("/api/services/00000000-0000-4000-8000-00000000dead/operation", null),
                manager.post("/api/services", Map.of("name", "")));
        assertThat(rejected).extracting(Api.Response::status).containsExactly(409, 400, 409, 409, 409, 409, 404, 400);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(texts(auditor.get("/api/services/" + id + "/audit").json().get("entries"), "type"))
                .containsExactly("CloudServiceRegistered");
    }

    @Test
    void errors_are_problem_json_that_name_each_bad_field_and_never_show_a_stack_trace() {
        String id = register("Felaktig indata");
        Api.Response invalid = manager.post("/api/services/" + id + "/evidence",
                "{\"measureIds\":[99,24],\"phases\":[\"LATER\"],\"kind\":\"CERT\",\"title\":\" \",\"issuer\":\"x\","
                        + "\"receivedOn\":\"2026-02-30\",\"documentSha256\":\"abc\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(texts(invalid.json().get("errors"), "field"))
                .containsExactly("documentSha256", "kind", "measureIds[0]", "phases[0]", "receivedOn", "title");

        classify(id, 0, 0, 0, false, false);
        Api.Response unknownMeasure = manager.post("/api/services/" + id + "/evidence", evidence(List.of(99, 24), List.of("ACQUIRE"), null));
        assertThat(unknownMeasure.status()).isEqualTo(400);
        assertThat(texts(unknownMeasure.json().get("errors"), "field")).containsExactly("measureIds[0]");

        Api.Response misspelt = manager.put("/api/services/" + id + "/classification",
                "{\"confidentiality\":1,\"integrity\":1,\"availability\":1,\"secrecy\":false,\"personalData\":false,\"validUntill\":\"x\"}");
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(texts(misspelt.json().get("errors"), "field")).containsExactly("validUntill");

        Api.Response notJson = manager.post("/api/services", "{\"name\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");

        Api.Response breaksRule = manager.post("/api/services/" + id + "/evidence", evidence(List.of(31, 2), List.of("ACQUIRE"), null));
        assertThat(breaksRule.status()).isEqualTo(409);
        assertThat(texts(breaksRule.json().get("violations"), "rule")).containsExactly("MEASURE_NOT_IN_PHASES", "MEASURE_NOT_APPLICABLE");

        Api.Response unknownService = manager.get("/api/services/00000000-0000-4000-8000-000000000000");
        assertThat(unknownService.status()).isEqualTo(404);
        assertThat(unknownService.contentType()).startsWith("application/problem+json");
        assertThat(manager.get("/api/services/not-an-id/measures").status()).isEqualTo(404);
        assertThat(manager.post("/api/services/" + id + "/evidence/00000000-0000-4000-8000-000000000000/withdrawal",
                Map.of("reason", "x")).status()).isEqualTo(404);

        for (Api.Response response : List.of(invalid, unknownMeasure, misspelt, notJson, breaksRule, unknownService)) {
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
        }
    }

    @Test
    void every_bad_field_is_named_in_one_answer_including_unknown_fields_and_wrong_json_types() {
        String id = register("Alla fel på en gång");
        Api.Response classified = manager.put("/api/services/" + id + "/classification",
                "{\"confidentiality\":\"1\",\"integrity\":2.5,\"availability\":9,\"secrecy\":0,"
                        + "\"personalData\":\"false\",\"allowedLocations\":[\"SE\",\"XX\",3],\"colour\":\"red\"}");
        assertThat(classified.status()).isEqualTo(400);
        assertThat(texts(classified.json().get("errors"), "field")).containsExactly("allowedLocations[1]",
                "allowedLocations[2]", "availability", "colour", "confidentiality", "integrity", "personalData", "secrecy");
        assertThat(texts(auditor.get("/api/services/" + id + "/audit").json().get("entries"), "type"))
                .containsExactly("CloudServiceRegistered");
    }

    @Test
    void evidence_that_lapsed_before_it_was_received_needs_its_valid_from_date() {
        String id = register("Sent inlämnat");
        classify(id, 1, 1, 1, false, false);
        long before = storedEvents();
        Map<String, Object> lapsed = evidence(List.of(27), List.of("ACQUIRE"), TODAY.minusDays(10).toString());
        Api.Response refused = manager.post("/api/services/" + id + "/evidence", lapsed);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(texts(refused.json().get("errors"), "field")).containsExactly("validUntil");
        assertThat(refused.body()).contains("receivedOn");
        assertThat(storedEvents()).isEqualTo(before);

        lapsed.put("validFrom", TODAY.minusYears(1).toString());
        assertThat(manager.post("/api/services/" + id + "/evidence", lapsed).status()).isEqualTo(201);
        assertThat(statusOf(id, 27, "ACQUIRE")).isEqualTo("EXPIRED");
    }

    @Test
    void text_and_dates_the_database_could_not_store_are_refused_before_they_become_events() {
        String id = register("Ogiltiga tecken");
        classify(id, 1, 1, 1, false, false);
        long before = storedEvents();
        // written as JSON escapes: a Java HTTP client would turn a lone surrogate into '?' before sending it
        Api.Response refused = manager.post("/api/services/" + id + "/evidence", "{\"measureIds\":[3],\"phases\":[\"ACQUIRE\"],"
                + "\"kind\":\"OTHER\",\"title\":\"Certifikat\\u0000med nolltecken\",\"issuer\":\"Halv \\ud800 surrogat\","
                + "\"receivedOn\":\"" + TODAY + "\",\"validUntil\":\"+999999999-12-31\"}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(texts(refused.json().get("errors"), "field")).containsExactly("issuer", "title", "validUntil");
        Api.Response farFuture = manager.post("/api/services/" + id + "/provider-changes",
                Map.of("description", "x", "changedOn", "3000-01-01"));
        assertThat(farFuture.status()).isEqualTo(400);
        assertThat(storedEvents()).isEqualTo(before);

        Api.Response fine = manager.post("/api/services/" + id + "/evidence", Map.of("measureIds", List.of(3),
                "phases", List.of("ACQUIRE"), "kind", "OTHER", "title", "Rad ett\nrad två\tmed tab, åäö och 😀",
                "issuer", "Leverantör", "receivedOn", TODAY.toString()));
        assertThat(fine.status()).as(fine.toString()).isEqualTo(201);
        assertThat(manager.get("/api/services/" + id).json().get("evidence").get(0).get("title").asText())
                .isEqualTo("Rad ett\nrad två\tmed tab, åäö och 😀");
    }

    @Test
    void a_command_with_unstorable_values_is_refused_whoever_sends_it() {
        String id = register("Vakt");
        long before = storedEvents();
        var command = new se.molnkoll.kernel.command.TerminateContract(se.molnkoll.kernel.CloudServiceId.of(id),
                java.time.LocalDate.MAX, "orsak\u0000");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> commandGateway.sendAndWait(command))
                .isInstanceOf(se.molnkoll.kernel.command.RuleViolationException.class)
                .hasMessageContaining("terminatedOn must be a date between")
                .hasMessageContaining("reason must not contain control characters");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void every_json_media_type_is_read_as_strictly_and_odd_json_is_refused() {
        Api vendorJson = manager.withHeader("Content-Type", "application/vnd.molnkoll+json");
        Api.Response nulls = vendorJson.post("/api/services", "{\"name\":null}");
        assertThat(nulls.status()).as(nulls.toString()).isEqualTo(400);
        assertThat(texts(nulls.json().get("errors"), "field")).contains("name", "serviceModel");
        String longName = "n".repeat(9000);
        Api.Response tooLong = vendorJson.post("/api/services", Map.of("name", longName, "vendor", "v",
                "serviceModel", "SAAS", "organisationUnit", "u", "owner", "o"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(texts(tooLong.json().get("errors"), "field")).containsExactly("name");

        Api.Response duplicate = manager.post("/api/services", "{\"name\":\"a\",\"name\":\"b\",\"vendor\":\"v\","
                + "\"serviceModel\":\"SAAS\",\"organisationUnit\":\"u\",\"owner\":\"o\"}");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("errors").get(0).get("message").asText()).contains("Duplicate field 'name'");
        Api.Response trailing = manager.post("/api/services", "{\"name\":\"a\",\"vendor\":\"v\",\"serviceModel\":\"SAAS\","
                + "\"organisationUnit\":\"u\",\"owner\":\"o\"} {}");
        assertThat(trailing.status()).isEqualTo(400);

        String id = register("Strikt tolkning");
        classify(id, 1, 1, 1, false, false);
        Map<String, Object> positions = evidence(List.of(3), List.of("0"), null);
        positions.put("kind", "5");
        positions.put("receivedOn", TODAY + "T23:30:00Z");
        positions.put("validFrom", "");
        Api.Response refused = manager.post("/api/services/" + id + "/evidence", positions);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(texts(refused.json().get("errors"), "field")).containsExactly("kind", "phases[0]", "receivedOn", "validFrom");

        byte[] latin1 = ("{\"name\":\"Tjänst på latin-1\",\"vendor\":\"v\",\"serviceModel\":\"SAAS\","
                + "\"organisationUnit\":\"u\",\"owner\":\"o\"}").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Api.Response declared = manager.postBytes("/api/services", latin1, "application/json;charset=ISO-8859-1");
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        assertThat(summaryOf(declared.json().get("id").asText()).get("name").asText()).isEqualTo("Tjänst på latin-1");
        assertThat(auditor.get("/api/audit?actor=%00").status()).isEqualTo(400);
    }

    // ---- evidence over time (issue 3) -------------------------------------------------------

    JsonNode certificatesOf(String serviceId, String query) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode c : manager.get("/api/certificates" + query).json()) {
            if (c.get("serviceId").asText().equals(serviceId)) found.add(c);
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(found);
    }

    long expiriesRecordedFor(String serviceId) {
        return auditor.get("/api/services/" + serviceId + "/audit?type=EvidenceExpired").json().get("totalEntries").asLong();
    }

    @Test
    void an_expired_certificate_reopens_its_measures_shows_on_the_dashboard_and_is_recorded_once() {
        String id = register("Certifierad tjänst");
        classify(id, 2, 2, 2, false, true);
        String certificate = recordEvidence(id, List.of(27, 30), List.of("ACQUIRE"), TODAY.plusDays(5).toString());
        assertThat(statusOf(id, 27, "ACQUIRE")).isEqualTo("COVERED");
        JsonNode expiring = certificatesOf(id, "?status=EXPIRING");
        assertThat(texts(expiring, "evidenceId")).containsExactly(certificate);
        assertThat(expiring.get(0).get("daysLeft").asLong()).isEqualTo(5);
        assertThat(expiring.get(0).get("serviceName").asText()).isEqualTo("Certifierad tjänst");
        assertThat(expiring.get(0).get("measureIds").toString()).isEqualTo("[27,30]");
        assertThat(certificatesOf(id, "?status=EXPIRING&withinDays=4")).isEmpty();
        long expiredBefore = manager.get("/api/dashboard").json().get("expiredCertificates").asLong();

        TestClock.CLOCK.set(TODAY.plusDays(6));
        assertThat(statusOf(id, 27, "ACQUIRE")).isEqualTo("EXPIRED");
        assertThat(statusOf(id, 30, "ACQUIRE")).isEqualTo("EXPIRED");
        JsonNode expired = certificatesOf(id, "?status=EXPIRED");
        assertThat(texts(expired, "evidenceId")).containsExactly(certificate);
        assertThat(expired.get(0).get("daysLeft").asLong()).isEqualTo(-1);
        // other tests' services share the database and may lapse too: the dashboard counts what the list shows
        long expiredNow = manager.get("/api/dashboard").json().get("expiredCertificates").asLong();
        assertThat(expiredNow).isGreaterThanOrEqualTo(expiredBefore + 1)
                .isEqualTo(manager.get("/api/certificates?status=EXPIRED").json().size());
        assertThat(expiriesRecordedFor(id)).isZero();

        sweep();
        sweep();
        assertThat(expiriesRecordedFor(id)).isEqualTo(1);
        JsonNode entry = auditor.get("/api/services/" + id + "/audit?type=EvidenceExpired").json().get("entries").get(0);
        assertThat(entry.get("actor").asText()).isEqualTo("system:expiry");
        assertThat(entry.get("payload").get("expiredOn").asText()).isEqualTo(TODAY.plusDays(6).toString());
        assertThat(entry.get("payload").get("covered")).hasSize(2);
        JsonNode evidence = manager.get("/api/services/" + id).json().get("evidence").get(0);
        assertThat(evidence.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(evidence.get("expiredOn").asText()).isEqualTo(TODAY.plusDays(6).toString());
        assertThat(evidence.get("validUntil").asText()).isEqualTo(TODAY.plusDays(5).toString());
        assertThat(evidence.get("recordedAt").asText()).startsWith(TODAY.toString());
    }

    @Test
    void a_renewal_keeps_the_measure_covered_and_takes_the_old_certificate_off_the_list() {
        String id = register("Förnyad tjänst");
        classify(id, 1, 1, 1, false, false);
        String old = recordEvidence(id, List.of(27), List.of("ACQUIRE"), TODAY.plusDays(3).toString());
        TestClock.CLOCK.set(TODAY.plusDays(10));
        assertThat(texts(certificatesOf(id, "?status=EXPIRED"), "evidenceId")).containsExactly(old);
        Map<String, Object> renewal = evidence(List.of(27), List.of("ACQUIRE"), TODAY.plusYears(1).toString());
        renewal.put("receivedOn", TODAY.plusDays(10).toString());
        assertThat(manager.post("/api/services/" + id + "/evidence", renewal).status()).isEqualTo(201);
        assertThat(statusOf(id, 27, "ACQUIRE")).isEqualTo("COVERED");
        assertThat(certificatesOf(id, "")).isEmpty();
        sweep();
        assertThat(expiriesRecordedFor(id)).isEqualTo(1);
        assertThat(statusOf(id, 27, "ACQUIRE")).isEqualTo("COVERED");
        assertThat(texts(manager.get("/api/services/" + id).json().get("evidence"), "status"))
                .containsExactlyInAnyOrder("EXPIRED", "VALID");
    }

    @Test
    void withdrawn_evidence_never_expires() {
        String id = register("Återkallat underlag");
        classify(id, 1, 1, 1, false, false);
        String evidenceId = recordEvidence(id, List.of(27), List.of("ACQUIRE"), TODAY.plusDays(1).toString());
        manager.post("/api/services/" + id + "/evidence/" + evidenceId + "/withdrawal", Map.of("reason", "fel"));
        TestClock.CLOCK.set(TODAY.plusDays(30));
        sweep();
        assertThat(expiriesRecordedFor(id)).isZero();
        assertThat(certificatesOf(id, "")).isEmpty();
    }

    @Test
    void the_certificates_api_refuses_a_bad_status_or_window() {
        assertThat(manager.get("/api/certificates?status=OLD").status()).isEqualTo(400);
        assertThat(manager.get("/api/certificates?withinDays=-1").status()).isEqualTo(400);
        assertThat(manager.get("/api/dashboard?withinDays=99999").status()).isEqualTo(400);
        assertThat(manager.get("/api/dashboard").json().get("expiringWithinDays").asInt()).isEqualTo(60);
    }

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    long documentsStoredFor(String evidenceId) {
        return jdbc.queryForObject("select count(*) from evidence_document where evidence_id = ?", Long.class, evidenceId);
    }

    @Test
    void a_document_is_stored_with_its_hash_and_checked_again_when_downloaded() throws Exception {
        String id = register("Dokumenterad tjänst");
        classify(id, 1, 1, 1, false, false);
        String evidenceId = recordEvidence(id, List.of(27), List.of("ACQUIRE"), null);
        // recordEvidence declares the SHA-256 of "test"; this evidence declares none
        Map<String, Object> undeclared = evidence(List.of(29), List.of("ACQUIRE"), null);
        undeclared.remove("documentSha256");
        String plain = manager.post("/api/services/" + id + "/evidence", undeclared).json().get("id").asText();
        String path = "/api/services/" + id + "/evidence/" + plain + "/document";

        Api.Response uploaded = manager.postFile(path, "ISO 27001-certifikat.pdf", PDF);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String sha256 = se.molnkoll.documents.StoredDocument.sha256Of(PDF);
        assertThat(uploaded.json().get("sha256").asText()).isEqualTo(sha256);
        assertThat(uploaded.json().get("mediaType").asText()).isEqualTo("application/pdf");
        JsonNode attached = auditor.get("/api/services/" + id + "/audit?type=DocumentAttached").json().get("entries").get(0);
        assertThat(attached.get("payload").get("sha256").asText()).isEqualTo(sha256);
        JsonNode document = null;
        for (JsonNode e : manager.get("/api/services/" + id).json().get("evidence")) {
            if (e.get("id").asText().equals(plain)) document = e.get("document");
        }
        assertThat(document.get("fileName").asText()).isEqualTo("ISO 27001-certifikat.pdf");
        assertThat(document.get("sizeBytes").asLong()).isEqualTo(PDF.length);

        var downloaded = auditor.getBytes(path);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(PDF);
        assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(downloaded.headers().firstValue("Repr-Digest")).hasValue("sha-256=:" + java.util.Base64.getEncoder()
                .encodeToString(java.util.HexFormat.of().parseHex(sha256)) + ":");
        assertThat(Api.at(port).as("viewer").getBytes(path).statusCode()).isEqualTo(403);

        Api.Response second = manager.postFile(path, "igen.pdf", PDF);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("violations").get(0).get("rule").asText()).isEqualTo("DOCUMENT_ALREADY_ATTACHED");

        jdbc.update("update evidence_document set content = ? where evidence_id = ?",
                "%PDF-1.4 tampered".getBytes(java.nio.charset.StandardCharsets.US_ASCII), plain);
        var tampered = auditor.getBytes(path);
        assertThat(tampered.statusCode()).isEqualTo(500);
        assertThat(new String(tampered.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("urn:molnkoll:problem:document-integrity").doesNotContain("tampered");
        assertThat(manager.getBytes("/api/services/" + id + "/evidence/" + evidenceId + "/document").statusCode()).isEqualTo(404);
    }

    @Test
    void a_refused_document_stores_nothing() throws Exception {
        String id = register("Avvisade dokument");
        classify(id, 1, 1, 1, false, false);
        String declared = recordEvidence(id, List.of(27), List.of("ACQUIRE"), null);
        String path = "/api/services/" + id + "/evidence/" + declared + "/document";
        long events = storedEventsOf(id);

        Api.Response mismatch = manager.postFile(path, "certifikat.pdf", PDF);
        assertThat(mismatch.status()).isEqualTo(409);
        assertThat(mismatch.json().get("violations").get(0).get("rule").asText()).isEqualTo("DOCUMENT_HASH_MISMATCH");
        Api.Response html = manager.postFile(path, "certifikat.pdf", "<html><script>alert(1)</script></html>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(html.status()).isEqualTo(415);
        assertThat(html.contentType()).startsWith("application/problem+json");
        byte[] tooBig = new byte[1024 * 1024 + 1];
        System.arraycopy(PDF, 0, tooBig, 0, PDF.length);
        Api.Response big = manager.postFile(path, "stor.pdf", tooBig);
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.contentType()).startsWith("application/problem+json");
        assertThat(manager.postFile(path, "tom.pdf", new byte[0]).status()).isEqualTo(400);
        assertThat(manager.postFile("/api/services/" + id + "/evidence/00000000-0000-4000-8000-000000000000/document",
                "x.pdf", PDF).status()).isEqualTo(404);

        assertThat(documentsStoredFor(declared)).isZero();
        assertThat(storedEventsOf(id)).isEqualTo(events);

        // "test" is what recordEvidence declared: the matching document is accepted
        Api.Response matching = manager.postFile(path, "intyg.txt", "test".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(matching.status()).as(matching.toString()).isEqualTo(201);
        assertThat(matching.json().get("mediaType").asText()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(documentsStoredFor(declared)).isEqualTo(1);
    }

    @Test
    void the_document_and_its_event_are_one_transaction_so_a_failed_store_records_no_event_either() {
        String id = register("Ett enda åtagande");
        classify(id, 1, 1, 1, false, false);
        Map<String, Object> undeclared = evidence(List.of(27), List.of("ACQUIRE"), null);
        undeclared.remove("documentSha256");
        String evidenceId = manager.post("/api/services/" + id + "/evidence", undeclared).json().get("id").asText();
        // a row in the way makes the store fail after the aggregate has accepted AttachDocument
        jdbc.update("insert into evidence_document (evidence_id, service_id, sha256, size_bytes, file_name, media_type,"
                + " content, stored_at) values (?, ?, 'x', 1, 'x', 'x', ?, current_timestamp)", evidenceId, id, new byte[]{1});
        long events = storedEventsOf(id);

        Api.Response failed = manager.postFile("/api/services/" + id + "/evidence/" + evidenceId + "/document", "a.pdf", PDF);
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("evidence_document").doesNotContain("Exception");
        assertThat(storedEventsOf(id)).as("the DocumentAttached event was rolled back with the store").isEqualTo(events);
        assertThat(manager.get("/api/services/" + id).json().get("evidence").get(0).get("document").isNull()).isTrue();
    }

    @Test
    void a_download_names_the_file_in_ascii_and_in_full() {
        String id = register("Filnamn");
        classify(id, 1, 1, 1, false, false);
        Map<String, Object> undeclared = evidence(List.of(27), List.of("ACQUIRE"), null);
        undeclared.remove("documentSha256");
        String evidenceId = manager.post("/api/services/" + id + "/evidence", undeclared).json().get("id").asText();
        String path = "/api/services/" + id + "/evidence/" + evidenceId + "/document";
        Api.Response uploaded = manager.postFile(path, "Avtal \"bilaga\" 3 – Åtgärd.pdf", PDF);
        assertThat(uploaded.json().get("fileName").asText()).isEqualTo("Avtal \"bilaga\" 3 – Åtgärd.pdf");
        assertThat(auditor.getBytes(path).headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"Avtal _bilaga_ 3 _ _tg_rd.pdf\"; "
                        + "filename*=UTF-8''Avtal%20%22bilaga%22%203%20%E2%80%93%20%C3%85tg%C3%A4rd.pdf");

        String another = path.replace(evidenceId, recordEvidence(id, List.of(29), List.of("ACQUIRE"), null));
        // a name whose extension says another type than the content is refused; one with no known extension gets one
        Api.Response script = manager.postFile(another, "run.bat", "test".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(script.status()).isEqualTo(400);
        assertThat(script.json().get("reason").asText()).isEqualTo("NAME_DISAGREES");
        Api.Response plain = manager.postFile(another, "intyg v1.2", "test".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(plain.json().get("fileName").asText()).isEqualTo("intyg v1.2.txt");
    }

    @Test
    void the_catalogue_lists_all_42_measures_with_empty_cells_as_null() {
        JsonNode catalogue = manager.get("/api/catalogue").json();
        assertThat(catalogue).hasSize(42);
        JsonNode seventeen = catalogue.get(16);
        assertThat(seventeen.get("id").asInt()).isEqualTo(17);
        assertThat(seventeen.get("confidentiality").asInt()).isEqualTo(1);
        assertThat(seventeen.get("integrity").isNull()).isTrue();
        assertThat(seventeen.get("availability").asInt()).isEqualTo(2);
        assertThat(seventeen.get("secrecy").asBoolean()).isTrue();
        assertThat(seventeen.get("phases").toString()).isEqualTo("[\"OPERATE\"]");
        assertThat(seventeen.get("references").get(0).asText()).isEqualTo("SS-EN ISO/IEC 27017:2021 12.1.2");
        assertThat(catalogue.get(40).get("phases").toString()).isEqualTo("[\"ACQUIRE\",\"OPERATE\",\"EXIT\"]");
        assertThat(manager.get("/api/catalogue/identity").json().get("version").asText()).isEqualTo("3.0");
    }

    @Test
    void a_body_or_an_accept_the_operation_does_not_take_is_a_problem_the_document_declares() {
        String id = register("Medietyper");
        // each answer passes the contract net (support.Contract): 415 and 406 are declared, with a Problem
        Api.Response notMultipart = manager.postBytes("/api/services/" + id + "/evidence/" + id + "/document",
                "x".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain");
        assertThat(notMultipart.status()).isEqualTo(415);
        assertThat(notMultipart.contentType()).startsWith("application/problem+json");
        Api.Response notJson = manager.postBytes("/api/services", "name=x".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
        assertThat(notJson.status()).isEqualTo(415);
        Api.Response html = manager.withHeader("Accept", "text/html").get("/api/totals");
        assertThat(html.status()).isEqualTo(406);
        assertThat(html.contentType()).startsWith("application/problem+json");
    }

    @Test
    void the_api_is_described_by_openapi() {
        Api.Response docs = Api.at(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/services/{id}/evidence")).isTrue();
        assertThat(paths.get("/api/services").get("post").get("responses").has("201")).isTrue();
        assertThat(paths.get("/api/services/{id}/operation").get("post").get("responses").has("409")).isTrue();
        assertThat(paths.get("/api/services/{id}/operation").get("post").get("responses").get("202").get("headers")
                .has("Molnkoll-Read-Your-Writes")).isTrue();
        for (String reference : docs.json().findValuesAsText("$ref")) {
            assertThat(docs.json().at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
        }
        assertThat(Api.at(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void a_vendor_record_serves_its_services_and_a_sub_processor_moving_abroad_puts_them_in_conflict_from_that_moment() throws Exception {
        long before = storedEvents();
        Api.Response mistyped = manager.post("/api/vendors", Map.of("name", "Nordmoln Sverige AB", "organisationNumber", "556703-7484",
                "country", "SE"));
        assertThat(mistyped.status()).isEqualTo(409);
        assertThat(mistyped.json().get("violations").get(0).get("rule").asText()).isEqualTo("ORGANISATION_NUMBER_CHECK_DIGIT");
        assertThat(manager.post("/api/vendors", Map.of("name", "X", "country", "Sverige")).json().get("errors").get(0)
                .get("field").asText()).isEqualTo("country");
        assertThat(auditor.post("/api/vendors", Map.of("name", "X", "country", "SE")).status()).isEqualTo(403);
        assertThat(storedEvents()).as("refused: nothing recorded").isEqualTo(before);

        Api.Response created = manager.post("/api/vendors", Map.of("name", "Nordmoln Sverige AB", "organisationNumber", "5567037485",
                "country", "SE"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String vendor = created.json().get("id").asText();
        assertThat(auditor.get("/api/vendors/" + vendor).json().get("details").get("organisationNumber").asText()).isEqualTo("556703-7485");
        Api.Response support = manager.post("/api/vendors/" + vendor + "/sub-processors", Map.of("name", "Drift Oy", "country", "FI",
                "activity", "Drift och support", "processingCountries", List.of("FI"), "notifiedOn", TODAY.minusDays(10).toString()));
        assertThat(support.status()).as(support.toString()).isEqualTo(201);
        String subProcessor = support.json().get("id").asText();
        assertThat(manager.post("/api/vendors/" + vendor + "/contacts/INCIDENT", Map.of("name", "SOC", "email", "soc@nordmoln.se"))
                .status()).isEqualTo(200);

        // a new service chooses its vendor record: linked with the registration, or neither recorded
        long beforeUnknown = storedEvents();
        Api.Response unknown = manager.post("/api/services", Map.of("name", "Med okänd leverantör", "vendor", "Nordmoln",
                "serviceModel", "SAAS", "organisationUnit", "Regionstyrelsen", "owner", "Anna Andersson",
                "vendorId", "00000000-0000-4000-8000-000000000000"));
        assertThat(unknown.status()).isEqualTo(409);
        assertThat(unknown.json().get("violations").get(0).get("rule").asText()).isEqualTo("UNKNOWN_VENDOR");
        assertThat(storedEvents()).as("the registration rolled back with the refused link").isEqualTo(beforeUnknown);
        Api.Response chosen = manager.post("/api/services", Map.of("name", "Med vald leverantör", "vendor", "Nordmoln",
                "serviceModel", "SAAS", "organisationUnit", "Regionstyrelsen", "owner", "Anna Andersson", "vendorId", vendor));
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(201);
        assertThat(auditor.get("/api/services/" + chosen.json().get("id").asText() + "/locations").json().get("vendorName").asText())
                .isEqualTo("Nordmoln Sverige AB");

        // a service that names its vendor in words is proposed the record, and linked only when a manager confirms it
        Api.Response registered = manager.post("/api/services", Map.of("name", "Vårdplanering", "vendor", "nordmoln",
                "serviceModel", "SAAS", "organisationUnit", "Regionstyrelsen", "owner", "Anna Andersson"));
        String id = registered.json().get("id").asText();
        JsonNode proposal = java.util.stream.StreamSupport.stream(auditor.get("/api/vendor-link-proposals").json().spliterator(), false)
                .filter(p -> p.get("serviceId").asText().equals(id)).findFirst().orElseThrow();
        assertThat(proposal.get("proposedVendorId").asText()).isEqualTo(vendor);
        assertThat(auditor.get("/api/services/" + id + "/locations").json().get("vendorId").isNull()).as("nothing linked silently").isTrue();
        Api.Response linked = manager.post("/api/services/" + id + "/vendor-link", Map.of("vendorId", vendor, "reason", "Bekräftad matchning"));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(linked.json().get("vendorName").asText()).isEqualTo("Nordmoln Sverige AB");

        classify(id, 2, 2, 2, false, true);
        Api.Response declared = manager.post("/api/services/" + id + "/locations", Map.of("storageCountries", List.of("SE"),
                "processingCountries", List.of("SE"), "subProcessorIds", List.of(subProcessor), "declaredOn", TODAY.toString(),
                "evidence", "Personuppgiftsbiträdesavtal bilaga 2"));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
        assertThat(declared.json().get("conflicts")).isEmpty();
        java.time.Instant beforeTheMove = TestClock.CLOCK.instant();
        TestClock.CLOCK.set(beforeTheMove.plusSeconds(60));

        Api.Response moved = manager.post("/api/vendors/" + vendor + "/sub-processors/" + subProcessor + "/changes", Map.of(
                "name", "Drift Oy", "country", "FI", "parentCountry", "US", "activity", "Drift och support",
                "processingCountries", List.of("FI", "IN"), "notifiedOn", TODAY.toString(), "reason", "Support flyttad till Indien"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        JsonNode conflicts = auditor.get("/api/services/" + id + "/locations").json().get("conflicts");
        List<String> found = java.util.stream.StreamSupport.stream(conflicts.spliterator(), false)
                .map(c -> c.get("kind").asText() + " " + c.get("country").asText()).toList();
        assertThat(found).as("processing in India; the sub-processor's parent under US law, which the ownership requirement excludes")
                .containsExactly("LOCATION_NOT_ALLOWED IN", "THIRD_COUNTRY_TRANSFER IN", "JURISDICTION_NOT_ALLOWED US", "THIRD_COUNTRY_LAW US");
        assertThat(auditor.get("/api/services/" + id + "/locations?asOf=" + beforeTheMove).json().get("conflicts"))
                .as("as known before the move").isEmpty();
        assertThat(auditor.get("/api/services/" + id + "/locations/history").json()).hasSize(2);
        assertThat(java.util.stream.StreamSupport.stream(auditor.get("/api/locations?conflicts=true").json().spliterator(), false)
                .map(s -> s.get("serviceId").asText())).contains(id);
        assertThat(auditor.get("/api/vendors").json().toString()).contains("\"servicesInConflict\":1");
        JsonNode trail = auditor.get("/api/audit?service=" + vendor + "&order=asc").json().get("entries");
        assertThat(java.util.stream.StreamSupport.stream(trail.spliterator(), false).map(e -> e.get("type").asText()))
                .containsExactly("VendorRegistered", "SubProcessorAdded", "ContactPointChanged", "SubProcessorChanged");

        var xlsx = auditor.getBytes("/api/locations/export?format=xlsx&conflicts=true");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            var row = java.util.stream.IntStream.rangeClosed(1, sheet.getLastRowNum()).mapToObj(sheet::getRow)
                    .filter(r -> r.getCell(0).getStringCellValue().equals("Vårdplanering")).findFirst().orElseThrow();
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("Nordmoln Sverige AB");
            assertThat(row.getCell(7).getStringCellValue()).isEqualTo("SE");
            assertThat(row.getCell(9).getStringCellValue()).isEqualTo("Drift Oy (FI; FI, IN)");
            assertThat(row.getCell(10).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(TODAY);
            assertThat(row.getCell(12).getStringCellValue()).contains("Personuppgifter i tredjeland utan adekvansbeslut: IN (Drift Oy)");
        }

        // an administrator gives India an adequacy decision: the transfer conflicts go, the classification's still hold
        Api admin = Api.at(port).as("admin");
        Api.Response ruled = admin.post("/api/admin/country-rules", Map.of("country", "IN", "euEea", false,
                "adequacyDecidedOn", TODAY.minusDays(1).toString(), "adequacyReference", "Genomförandebeslut (EU) 2026/99",
                "reason", "Nytt adekvansbeslut"));
        assertThat(ruled.status()).as(ruled.toString()).isEqualTo(200);
        try {
            List<String> after = java.util.stream.StreamSupport.stream(auditor.get("/api/services/" + id + "/locations").json()
                    .get("conflicts").spliterator(), false).map(c -> c.get("kind").asText() + " " + c.get("country").asText()).toList();
            assertThat(after).containsExactly("LOCATION_NOT_ALLOWED IN", "JURISDICTION_NOT_ALLOWED US", "THIRD_COUNTRY_LAW US");
            assertThat(manager.post("/api/admin/country-rules", Map.of("country", "IN", "euEea", false, "reason", "x")).status())
                    .isEqualTo(403);
        } finally {
            assertThat(admin.post("/api/admin/country-rules", Map.of("country", "IN", "euEea", false, "reason", "Tillbaka")).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void a_certificate_recorded_once_at_the_vendor_covers_each_adopting_service_and_its_withdrawal_ends_it_at_each_exactly_once() {
        String vendor = manager.post("/api/vendors", Map.of("name", "Storleverantören AB", "organisationNumber", "556016-0680",
                "country", "SE")).json().get("id").asText();
        Map<String, Object> certificate = new java.util.HashMap<>(Map.of("kind", "CERTIFICATE", "title", "ISO/IEC 27001",
                "issuer", "Certifieringsorgan AB", "scope", "Alla datacenter och tjänster i Norden",
                "receivedOn", TODAY.minusDays(5).toString(), "validUntil", TODAY.plusYears(1).toString()));
        Api.Response recorded = manager.post("/api/vendors/" + vendor + "/evidence", certificate);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String iso = recorded.json().get("id").asText();

        List<String> services = new ArrayList<>();
        for (String name : List.of("Lager", "Kalender", "Schema")) {
            String id = register(name);
            classify(id, 1, 1, 1, false, false);
            assertThat(manager.post("/api/services/" + id + "/vendor-link", Map.of("vendorId", vendor, "reason", "Vald")).status()).isEqualTo(200);
            Api.Response adopted = manager.post("/api/services/" + id + "/vendor-evidence", Map.of("vendorEvidenceId", iso,
                    "measureIds", List.of(27), "phases", List.of("ACQUIRE")));
            assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
            assertThat(statusOf(id, 27, "ACQUIRE")).isEqualTo("COVERED");
            services.add(id);
        }
        Api.Response twice = manager.post("/api/services/" + services.get(0) + "/vendor-evidence", Map.of("vendorEvidenceId", iso,
                "measureIds", List.of(27), "phases", List.of("ACQUIRE")));
        assertThat(twice.json().get("violations").get(0).get("rule").asText()).isEqualTo("EVIDENCE_ADOPTED_ALREADY");
        JsonNode atVendor = auditor.get("/api/vendors/" + vendor).json().get("evidence").get(0);
        assertThat(atVendor.get("status").asText()).isEqualTo("VALID");
        assertThat(atVendor.get("adoptedBy")).hasSize(3);

        Api.Response withdrawn = manager.post("/api/vendors/" + vendor + "/evidence/" + iso + "/withdrawal",
                Map.of("reason", "Certifikatet återkallat av certifieringsorganet"));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String id : services) {
                assertThat(statusOf(id, 27, "ACQUIRE")).isEqualTo("OPEN");
            }
        });
        for (String id : services) {
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where service_id = ? and event_type = 'EvidenceWithdrawn'",
                    Long.class, id)).as("withdrawn once at " + id).isEqualTo(1L);
            assertThat(jdbc.queryForObject("select actor from audit_entry where service_id = ? and event_type = 'EvidenceWithdrawn'",
                    String.class, id)).isEqualTo("system:vendor-evidence");
        }
        assertThat(auditor.get("/api/vendors/" + vendor).json().get("evidence").get(0).get("adoptedBy")).isEmpty();
        Api.Response again = manager.post("/api/services/" + services.get(0) + "/vendor-evidence", Map.of("vendorEvidenceId", iso,
                "measureIds", List.of(27), "phases", List.of("ACQUIRE")));
        assertThat(again.json().get("violations").get(0).get("rule").asText()).isEqualTo("VENDOR_EVIDENCE_WITHDRAWN");
    }
}
