package se.molnkoll.pages;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.support.TestClock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static se.molnkoll.support.TestClock.TODAY;

/**
 * The pages through MockMvc on the whole application (embedded database, real commands and read
 * models): who may open and send what, CSRF, what a form says about bad input and that it then
 * records nothing, rule violations in words, languages, error pages without internals.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesTest {

    static final RequestPostProcessor MANAGER = user("manager").roles("CONTRACT_MANAGER");
    static final RequestPostProcessor AUDITOR = user("auditor").roles("AUDITOR");
    static final RequestPostProcessor VIEWER = user("viewer").roles("VIEWER");
    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");
    static final RequestPostProcessor RISK_OWNER = user("riskowner").roles("RISK_OWNER");
    static final Map<String, RequestPostProcessor> USERS = Map.of("manager", MANAGER, "auditor", AUDITOR,
            "viewer", VIEWER, "admin", ADMIN, "riskowner", RISK_OWNER);
    static final Set<String> EVERYONE = USERS.keySet();
    static final Set<String> AUDIT_READERS = Set.of("manager", "auditor");
    static final Set<String> MANAGERS = Set.of("manager");
    static final Set<String> RISK_OWNERS = Set.of("riskowner");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeasureCatalogue catalogue;

    String service;
    String evidence;

    @BeforeAll
    void aClassifiedServiceWithEvidenceAndADocument() throws Exception {
        TestClock.CLOCK.set(TODAY);
        service = register("Sidtest");
        send(post(service + "/classification").param("confidentiality", "1").param("integrity", "1")
                .param("availability", "1").param("allowedLocations", "SE"));
        MvcResult recorded = mvc.perform(multipart(service + "/evidence/new")
                        .file(new MockMultipartFile("file", "rapport.pdf", "application/pdf", "%PDF-1.4 rapport".getBytes()))
                        .param("measureIds", "38").param("phases", "ACQUIRE").param("kind", "AUDIT_REPORT")
                        .param("title", "Granskningsrapport").param("issuer", "Revisorerna AB")
                        .param("receivedOn", TODAY.toString()).with(MANAGER).with(csrf()))
                .andReturn();
        assertThat(recorded.getResponse().getRedirectedUrl()).isEqualTo(service);
        evidence = jdbc.queryForObject("select evidence_id from evidence where service_id = ? and recorded_to is null",
                String.class, service.substring("/services/".length()));
        MvcResult vendorRegistered = mvc.perform(post("/vendors/new").param("name", "Sidmoln AB").param("country", "se")
                .param("organisationNumber", "5560125790").with(MANAGER).with(csrf())).andReturn();
        assertThat(vendorRegistered.getResponse().getRedirectedUrl()).as(vendorRegistered.getResponse().getContentAsString())
                .startsWith("/vendors/");
        vendor = vendorRegistered.getResponse().getRedirectedUrl();
    }

    String vendor;

    @BeforeEach
    void noon() {
        TestClock.CLOCK.set(TODAY);
    }

    // ---- who may open and send what --------------------------------------------------------

    record Page(String method, String path, Set<String> allowed) {
    }

    List<Page> pages() {
        String other = "/services/" + java.util.UUID.randomUUID();
        return List.of(
                new Page("GET", "/", EVERYONE),
                new Page("GET", "/services", EVERYONE),
                new Page("GET", service, EVERYONE),
                new Page("GET", "/catalogue", EVERYONE),
                new Page("GET", "/risks", EVERYONE),
                new Page("GET", "/tasks", EVERYONE),
                new Page("GET", "/reviews", EVERYONE),
                new Page("GET", "/vendors", EVERYONE),
                new Page("GET", vendor, EVERYONE),
                new Page("GET", vendor + "?asOf=" + TODAY, AUDIT_READERS),
                new Page("GET", "/locations", EVERYONE),
                new Page("GET", "/locations?conflicts=true&asOf=" + TODAY, AUDIT_READERS),
                new Page("GET", "/locations/export?format=xlsx", EVERYONE),
                new Page("GET", "/vendors/new", MANAGERS),
                new Page("GET", "/vendors/links", MANAGERS),
                new Page("GET", vendor + "/correction", MANAGERS),
                new Page("GET", vendor + "/sub-processors/new", MANAGERS),
                new Page("GET", service + "/locations", MANAGERS),
                new Page("GET", service + "/vendor-evidence", MANAGERS),
                new Page("GET", vendor + "/evidence/new", MANAGERS),
                new Page("POST", vendor + "/evidence/new", MANAGERS),
                new Page("POST", other + "/vendor-evidence", MANAGERS),
                new Page("POST", "/vendors/new", MANAGERS),
                new Page("POST", "/vendors/links", MANAGERS),
                new Page("POST", vendor + "/correction", MANAGERS),
                new Page("POST", vendor + "/contacts", MANAGERS),
                new Page("POST", vendor + "/sub-processors/new", MANAGERS),
                new Page("POST", other + "/locations", MANAGERS),
                new Page("POST", other + "/vendor-link", MANAGERS),
                new Page("GET", "/admin/countries", Set.of("admin")),
                new Page("POST", "/admin/countries", Set.of("admin")),
                new Page("GET", service + "/tasks/new?measureId=27&phase=ACQUIRE", MANAGERS),
                new Page("GET", "/?asOf=" + TODAY, AUDIT_READERS),
                new Page("GET", service + "?asOf=" + TODAY, AUDIT_READERS),
                new Page("GET", service + "?validAt=" + TODAY.plusYears(1), AUDIT_READERS),
                new Page("GET", service + "/changes", AUDIT_READERS),
                new Page("GET", service + "/evidence/" + evidence + "/document", AUDIT_READERS),
                new Page("GET", service + "/report", AUDIT_READERS),
                new Page("GET", service + "/evidence-package", AUDIT_READERS),
                new Page("GET", "/services/evidence-package?unit=Regionstyrelsen", AUDIT_READERS),
                new Page("GET", "/reports/portfolio?format=pdf", EVERYONE),
                new Page("GET", "/reports/portfolio?format=xlsx&asOf=" + TODAY, AUDIT_READERS),
                new Page("GET", "/audit", AUDIT_READERS),
                new Page("GET", "/audit/export?format=csv", AUDIT_READERS),
                new Page("GET", "/audit/verification", AUDIT_READERS),
                new Page("GET", "/admin", Set.of("admin")),
                new Page("GET", "/admin/rebuild", Set.of("admin")),
                new Page("GET", "/admin/reviews", Set.of("admin")),
                new Page("POST", "/admin/reviews", Set.of("admin")),
                new Page("GET", "/services/new", MANAGERS),
                new Page("GET", service + "/classification", MANAGERS),
                new Page("GET", service + "/evidence/new", MANAGERS),
                new Page("GET", service + "/risk-acceptance", MANAGERS),
                new Page("GET", service + "/provider-change", MANAGERS),
                new Page("GET", service + "/termination", MANAGERS),
                new Page("GET", service + "/correction", MANAGERS),
                new Page("GET", "/services/import", MANAGERS),
                new Page("GET", "/services/import/template.xlsx", MANAGERS),
                // asking about another moment narrows a read; it never opens a form
                new Page("GET", "/services/new?asOf=", MANAGERS),
                new Page("GET", service + "/classification?asOf=x", MANAGERS),
                new Page("GET", service + "/evidence/new?validAt=", MANAGERS),
                new Page("GET", service + "/termination?asOf=" + TODAY, MANAGERS),
                new Page("POST", "/services/new", MANAGERS),
                new Page("POST", "/services/import", MANAGERS),
                new Page("POST", other + "/classification", MANAGERS),
                new Page("POST", other + "/classification/preview", MANAGERS),
                new Page("POST", other + "/evidence/new", MANAGERS),
                new Page("POST", other + "/evidence/" + evidence + "/withdrawal", MANAGERS),
                new Page("POST", other + "/evidence/" + evidence + "/document", MANAGERS),
                new Page("POST", other + "/risk-acceptance", MANAGERS),
                new Page("POST", other + "/provider-change", MANAGERS),
                new Page("POST", other + "/termination", MANAGERS),
                new Page("POST", other + "/correction", MANAGERS),
                new Page("POST", other + "/archiving", MANAGERS),
                new Page("POST", other + "/risk-acceptance/revocation", MANAGERS),
                new Page("POST", other + "/risk-proposals/" + java.util.UUID.randomUUID() + "/approval", RISK_OWNERS),
                new Page("POST", other + "/tasks/new", MANAGERS),
                new Page("POST", other + "/reviews", MANAGERS),
                new Page("POST", other + "/tasks/" + java.util.UUID.randomUUID() + "/reassignment", MANAGERS),
                new Page("POST", other + "/tasks/" + java.util.UUID.randomUUID() + "/completion", EVERYONE),
                new Page("POST", other + "/risk-proposals/" + java.util.UUID.randomUUID() + "/rejection", RISK_OWNERS),
                new Page("POST", other + "/operation", MANAGERS),
                new Page("POST", other + "/decommissioning", MANAGERS),
                new Page("GET", "/api-docs-that-do-not-exist", Set.of()));
    }

    @TestFactory
    Stream<DynamicTest> eachPageIsForItsRolesOnly() {
        return pages().stream().flatMap(page -> Stream.concat(
                EVERYONE.stream().map(user -> DynamicTest.dynamicTest(page.method + " " + page.path + " as " + user, () -> {
                    int status = mvc.perform(request(page).with(USERS.get(user)).with(csrf())).andReturn().getResponse().getStatus();
                    if (page.allowed.contains(user)) {
                        assertThat(status).as("allowed").isNotIn(401, 403);
                    } else {
                        assertThat(status).as("denied").isEqualTo(403);
                    }
                })),
                Stream.of(DynamicTest.dynamicTest(page.method + " " + page.path + " anonymously", () -> {
                    MvcResult result = mvc.perform(request(page).with(csrf())).andReturn();
                    assertThat(result.getResponse().getStatus()).isEqualTo(302);
                    assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
                }))));
    }

    private static MockHttpServletRequestBuilder request(Page page) {
        return page.method.equals("GET") ? get(page.path) : post(page.path);
    }

    @Test
    void a_form_sent_without_its_csrf_token_is_refused_and_records_nothing() throws Exception {
        long before = events();
        for (RequestPostProcessor token : List.<RequestPostProcessor>of(request -> request, csrf().useInvalidToken())) {
            MvcResult refused = mvc.perform(post("/services/new").param("name", "Utan token").param("vendor", "V")
                    .param("serviceModel", "SAAS").param("organisationUnit", "U").param("owner", "O").with(MANAGER)
                    .with(token)).andReturn();
            assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/login?expired");
        }
        assertThat(events()).isEqualTo(before);
        assertThat(html(get("/login?expired"))).contains("Sidan hade gått ut, så det du skickade sparades inte.");
    }

    @Test
    void the_login_page_has_the_standard_fields_and_a_wrong_password_says_so() throws Exception {
        String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(login).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"", "for=\"username\"");
        MvcResult wrong = mvc.perform(post("/login").param("username", "manager").param("password", "fel").with(csrf())).andReturn();
        assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        MvcResult right = mvc.perform(post("/login").param("username", "manager").param("password", "manager").with(csrf())).andReturn();
        assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(mvc.perform(get("/login?error")).andReturn().getResponse().getContentAsString())
                .contains("Fel användarnamn eller lösenord");
    }

    // ---- rendering -------------------------------------------------------------------------

    @Test
    void the_evidence_form_asks_for_the_document_first_then_offers_each_applicable_measure_once_with_its_status() throws Exception {
        String form = html(get(service + "/evidence/new").with(MANAGER));
        assertThat(form.indexOf("<legend>Dokumentet</legend>")).isPositive().isLessThan(form.indexOf("<legend>Åtgärder som underlaget visar</legend>"));
        assertThat(form).contains("Anskaffa (nuvarande fas) – ", "id=\"measure-choice-38\"", "id=\"measure-status-38\"",
                "Anskaffa: Uppfylld", "Anskaffa: Öppen", "data-needs-script", "src=\"/js/evidence-form.js\"",
                "0 av ", " åtgärder valda");
        // the same measure is never offered twice, even when it belongs to several phases
        java.util.List<String> offered = java.util.regex.Pattern.compile("data-measure=\"(\\d+)\"").matcher(form).results()
                .map(m -> m.group(1)).toList();
        assertThat(offered).isNotEmpty().doesNotHaveDuplicates();
        // the preselection of each kind is among the measures offered
        java.util.regex.Pattern.compile("data-preset=\"([\\d ]+)\"").matcher(form).results()
                .flatMap(m -> java.util.Arrays.stream(m.group(1).split(" ")))
                .forEach(measure -> assertThat(offered).contains(measure));
        // a refused form keeps the measures chosen
        String again = mvc.perform(multipart(service + "/evidence/new").param("measureIds", "38").param("phases", "ACQUIRE")
                .with(MANAGER).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(again).containsPattern("value=\"38\"\\s+aria-describedby=\"measure-status-38\" checked=\"checked\"").contains("1 av " + offered.size() + " åtgärder valda");
        assertThat(mvc.perform(get("/js/evidence-form.js")).andReturn().getResponse().getContentAsString()).contains("apply-preset");
    }

    @Test
    void a_manager_corrects_a_services_details_each_change_is_its_own_event_and_history_keeps_the_old_value() throws Exception {
        TestClock.CLOCK.set(TODAY.atTime(9, 0).atZone(se.molnkoll.kernel.BusinessDates.ZONE).toInstant());
        String id = register("Kallelse");
        TestClock.CLOCK.set(TODAY.atTime(10, 0).atZone(se.molnkoll.kernel.BusinessDates.ZONE).toInstant());
        assertThat(html(get(id + "/correction").with(MANAGER))).contains("value=\"Kallelse\"", "value=\"Moln AB\"",
                "value=\"Regionstyrelsen\"", "value=\"Anna\"", "Ändra uppgifterna om Kallelse");
        long before = events();
        // no reason: said next to the field, everything typed kept, nothing recorded
        assertThat(html(correction(id, "Kallelser", "Anna", "").with(MANAGER).with(csrf())))
                .contains("id=\"reason-error\"", "value=\"Kallelser\"");
        // nothing differs: the rule in words
        assertThat(html(correction(id, "Kallelse", "Anna", "Inget").with(MANAGER).with(csrf())))
                .contains("Inget av det du angett skiljer sig från det som är registrerat");
        assertThat(events()).isEqualTo(before);

        send(correction(id, "Kallelser", "Bo Berg", "Stavfel vid registreringen; Anna har slutat"));
        assertThat(events()).isEqualTo(before + 2);
        assertThat(html(get(id).with(AUDITOR))).contains("<h1>Kallelser</h1>", "Bo Berg",
                "Namnet ändrades från &quot;Kallelse&quot; till &quot;Kallelser&quot;: Stavfel vid registreringen; Anna har slutat",
                "Ägaren ändrades från &quot;Anna&quot; till &quot;Bo Berg&quot;");
        // before the correction, the service was known by its old name
        assertThat(html(get(id).param("asOf", TODAY.toString()).param("asOfTime", "09:30").with(AUDITOR)))
                .contains("<h1>Kallelse</h1>").doesNotContain("Bo Berg");
        assertThat(html(get("/services").param("q", "Kallelse").with(VIEWER))).contains(">Kallelser</a>");
        // the comparison names each change with its event
        assertThat(html(get(id + "/changes").param("from", TODAY.toString()).param("fromTime", "09:30").with(AUDITOR)))
                .contains("Kallelse", "Kallelser", "Namn ändrat", "Ägare ändrad");
        assertThat(html(get("/audit").param("type", "ServiceRenamed").with(AUDITOR))).contains("Namn ändrat", "Kallelser");
    }

    @Test
    void a_manager_revokes_a_risk_acceptance_from_the_service_page() throws Exception {
        String id = register("Risk som återkallas");
        send(post(id + "/classification").param("confidentiality", "2").param("integrity", "2").param("availability", "2"));
        acceptRisk(id, "18", "Följs upp");
        assertThat(html(get(id).with(MANAGER))).contains("id=\"revoke-18-ACQUIRE\"", "Återkalla acceptansen");
        assertThat(html(get(id).with(AUDITOR))).doesNotContain("id=\"revoke-18-ACQUIRE\"");
        long before = events();
        MvcResult incomplete = mvc.perform(post(id + "/risk-acceptance/revocation").param("measureId", "18").param("phase", "ACQUIRE")
                .param("revokedFrom", "i morgon").param("reason", "").with(MANAGER).with(csrf())).andReturn();
        assertThat(incomplete.getFlashMap().get("refused")).asString().contains("Ange från vilket datum");
        assertThat(events()).isEqualTo(before);
        send(post(id + "/risk-acceptance/revocation").param("measureId", "18").param("phase", "ACQUIRE")
                .param("revokedFrom", TODAY.toString()).param("reason", "Gavs av misstag"));
        assertThat(events()).isEqualTo(before + 1);
        String page = html(get(id).with(MANAGER));
        assertThat(page).contains("Återkallad från och med " + TODAY + ": Gavs av misstag").doesNotContain("id=\"revoke-18-ACQUIRE\"");
        assertThat(page.replaceAll("\\s+", " ")).containsPattern("id=\"measure-18-ACQUIRE\">.*?status-OPEN");
    }

    @Test
    void the_risk_owner_decides_proposals_in_a_queue_and_nobody_decides_their_own() throws Exception {
        String id = register("Risk som föreslås");
        send(post(id + "/classification").param("confidentiality", "2").param("integrity", "2").param("availability", "2"));
        // someone who is both contract manager and risk owner proposes; the queue offers them no decision
        RequestPostProcessor both = user("bertil").roles("CONTRACT_MANAGER", "RISK_OWNER");
        MvcResult proposed = mvc.perform(post(id + "/risk-acceptance").param("measureId", "18").param("phase", "ACQUIRE")
                .param("residualRisk", "Kapaciteten okänd").param("motivation", "Följs upp i drift")
                .param("validUntil", TODAY.plusMonths(6).toString()).with(both).with(csrf())).andReturn();
        assertThat(proposed.getFlashMap().get("success")).asString().contains("skickat till riskägaren");
        String proposal = jdbc.queryForObject("select proposal_id from risk_proposal where service_id = ? and recorded_to is null",
                String.class, id.substring("/services/".length()));
        assertThat(html(get(id).with(VIEWER))).contains("Förslag till riskägaren", "Väntar på riskägaren", "Kapaciteten okänd");
        assertThat(html(get("/risks").with(both))).contains("Kapaciteten okänd", "Du föreslog detta själv")
                .doesNotContain("id=\"approve-" + proposal + "\"");
        assertThat(html(get("/risks").with(VIEWER))).contains("Bara en riskägare kan godkänna")
                .doesNotContain("id=\"approve-" + proposal + "\"");
        assertThat(html(get("/risks").with(RISK_OWNER))).contains("id=\"approve-" + proposal + "\"", "id=\"reject-" + proposal + "\"");
        assertThat(html(get("/").with(VIEWER)).replaceAll("\\s+", " ")).containsPattern("id=\"pending-risk-proposals\"[^>]*>[1-9]");
        long before = events();
        MvcResult own = mvc.perform(post(id + "/risk-proposals/" + proposal + "/approval").param("text", "")
                .with(both).with(csrf())).andReturn();
        assertThat(own.getFlashMap().get("refused")).asString().contains("Du föreslog acceptansen för åtgärd 18");
        assertThat(events()).isEqualTo(before);
        // a rejection needs a reason; the risk owner then rejects, and the measure stays open
        MvcResult bare = mvc.perform(post(id + "/risk-proposals/" + proposal + "/rejection").param("text", " ")
                .with(RISK_OWNER).with(csrf())).andReturn();
        assertThat(bare.getFlashMap().get("refused")).asString().contains("Ange varför");
        assertThat(events()).isEqualTo(before);
        MvcResult rejected = mvc.perform(post(id + "/risk-proposals/" + proposal + "/rejection").param("text", "Mät kapaciteten först")
                .with(RISK_OWNER).with(csrf())).andReturn();
        assertThat(rejected.getFlashMap().get("success")).asString().contains("avslaget");
        String page = html(get(id).with(VIEWER));
        assertThat(page).contains("Avslaget av riskowner " + TODAY + ": Mät kapaciteten först");
        assertThat(page.replaceAll("\\s+", " ")).containsPattern("id=\"measure-18-ACQUIRE\">.*?status-OPEN");
        assertThat(html(get("/risks").with(RISK_OWNER))).doesNotContain("id=\"approve-" + proposal + "\"");
    }

    @Test
    void a_task_is_given_out_from_the_service_page_and_a_too_long_note_marks_nothing_done() throws Exception {
        String id = register("Uppgift med lång anteckning");
        send(post(id + "/classification").param("confidentiality", "1").param("integrity", "1").param("availability", "1"));
        send(post(id + "/tasks/new").param("measureId", "27").param("phase", "ACQUIRE").param("assignee", "viewer")
                .param("dueOn", TODAY.plusDays(7).toString()));
        String task = jdbc.queryForObject("select task_id from follow_up_task where service_id = ? and recorded_to is null",
                String.class, id.substring("/services/".length()));
        long before = events();
        MvcResult refused = mvc.perform(post(id + "/tasks/" + task + "/completion").param("note", "x".repeat(4001))
                .with(VIEWER).with(csrf())).andReturn();
        assertThat(refused.getFlashMap().get("refused")).asString().contains("för lång");
        assertThat(events()).isEqualTo(before);
        MvcResult notTheirs = mvc.perform(post(id + "/tasks/" + task + "/completion").with(AUDITOR).with(csrf())).andReturn();
        assertThat(notTheirs.getResponse().getStatus()).isEqualTo(403);
        MvcResult done = mvc.perform(post(id + "/tasks/" + task + "/completion").param("back", "mine")
                .with(VIEWER).with(csrf())).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/tasks");
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void a_manager_archives_a_service_registered_by_mistake_from_its_page() throws Exception {
        String id = register("Testtjanst av misstag");
        assertThat(html(get(id).with(MANAGER))).contains("Registrerad av misstag?", "id=\"archive\"");
        long before = events();
        MvcResult noReason = mvc.perform(post(id + "/archiving").param("reason", " ").with(MANAGER).with(csrf())).andReturn();
        assertThat(noReason.getFlashMap().get("refused")).asString().contains("Ange varför tjänsten arkiveras.");
        assertThat(events()).isEqualTo(before);
        send(post(id + "/archiving").param("reason", "Skapades som test"));
        assertThat(html(get("/services").param("q", "Testtjanst").with(MANAGER))).doesNotContain("Testtjanst av misstag</a>");
        assertThat(html(get(id).with(AUDITOR))).contains("Arkiverad som registrerad av misstag: Skapades som test")
                .doesNotContain("id=\"archive\"");
        assertThat(html(get(id).with(MANAGER))).doesNotContain("Registrera underlag", "id=\"archive\"");
        assertThat(mvc.perform(get(id).with(VIEWER)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(id + "/evidence/new").with(MANAGER)).andReturn().getResponse().getStatus()).isEqualTo(409);
    }

    @Test
    void the_register_shows_fifty_services_a_page_with_links_to_the_others_and_counts_every_match() throws Exception {
        for (int i = 1; i <= 53; i++) {
            register("Sidtjänst %02d".formatted(i));
        }
        String first = html(get("/services").param("q", "Sidtjänst").with(VIEWER));
        assertThat(first).contains("Visar 1–50 av 53 tjänster.", "Sida 1 av 2", "Sidtjänst 01", "Sidtjänst 50")
                .doesNotContain("Sidtjänst 51", "rel=\"prev\"")
                .contains("href=\"/services?q=Sidtj%C3%A4nst&amp;sort=name&amp;dir=asc&amp;page=1\" rel=\"next\"");
        String second = html(get("/services").param("q", "Sidtjänst").param("page", "1").with(VIEWER));
        assertThat(second).contains("Visar 51–53 av 53 tjänster.", "Sida 2 av 2", "Sidtjänst 51", "Sidtjänst 53")
                .doesNotContain("Sidtjänst 50", "rel=\"next\"").contains("rel=\"prev\"");
        // the evidence package and the export take every match, not the page
        assertThat(html(get("/services").param("q", "Sidtjänst").with(AUDITOR))).contains("Bevispaket för de 53 tjänsterna");
        assertThat(mvc.perform(get("/services").param("page", "-1").with(VIEWER)).andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void the_register_exports_the_rows_its_filters_show_in_its_order() throws Exception {
        register("Exporttjänst Alfa");
        register("Exporttjänst Beta");
        MvcResult started = mvc.perform(get("/services/export").param("format", "xlsx").param("q", "Exporttjänst")
                .param("sort", "name").param("dir", "desc").with(VIEWER)).andReturn();
        MvcResult xlsx = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(started)).andReturn();
        assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
        assertThat(xlsx.getResponse().getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Exporttjänst Beta");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Exporttjänst Alfa");
        }
        assertThat(html(get("/services").param("q", "Exporttjänst").with(VIEWER)))
                .contains("href=\"/services/export?format=xlsx&amp;q=Exporttj%C3%A4nst&amp;sort=name&amp;dir=asc\"");
        assertThat(mvc.perform(get("/services/export").param("format", "pdf").with(VIEWER)).andReturn().getResponse().getStatus())
                .isEqualTo(400);
    }

    @Test
    void reports_are_offered_where_the_view_is_to_those_who_may_have_them_and_carry_its_moment() throws Exception {
        String id = register("Rapporttjänst");
        String auditorsPage = html(get(id).param("asOf", TODAY.toString()).with(AUDITOR));
        String reportLink = id + "/report?asOf=" + TODAY;
        assertThat(auditorsPage).contains("href=\"" + reportLink + "&amp;asOfTime=&amp;validAt=\"",
                "href=\"" + id + "/evidence-package?asOf=" + TODAY + "&amp;asOfTime=&amp;validAt=\"",
                "Tjänsterapport (PDF)", "Bevispaket (ZIP)");
        assertThat(html(get(id).with(VIEWER))).doesNotContain("/report", "/evidence-package");

        MvcResult started = mvc.perform(get(reportLink).with(AUDITOR)).andReturn();
        MvcResult pdf = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(started)).andReturn();
        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Tjänsterapport: Rapporttjänst");
        }

        String dashboard = html(get("/").with(VIEWER));
        assertThat(dashboard).contains("action=\"/reports/portfolio\"", "<option value=\"Regionstyrelsen\">Regionstyrelsen</option>",
                "Portföljrapport (PDF)", "Portföljrapport (XLSX)");
        MvcResult portfolio = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(
                mvc.perform(get("/reports/portfolio").param("format", "xlsx").param("unit", "Regionstyrelsen").with(VIEWER)).andReturn()))
                .andReturn();
        assertThat(portfolio.getResponse().getStatus()).isEqualTo(200);
        assertThat(portfolio.getResponse().getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(mvc.perform(get("/reports/portfolio").param("unit", "Finns inte").with(VIEWER)).andReturn().getResponse().getStatus())
                .isEqualTo(400);
        assertThat(html(get("/services").param("q", "Rapporttjänst").with(AUDITOR)))
                .contains("href=\"/services/evidence-package?q=Rapporttj%C3%A4nst\"", "Bevispaket för tjänsten (ZIP)");
    }

    private MockHttpServletRequestBuilder correction(String id, String name, String owner, String reason) {
        return post(id + "/correction").param("name", name).param("vendor", "Moln AB").param("serviceModel", "SAAS")
                .param("organisationUnit", "Regionstyrelsen").param("owner", owner).param("reason", reason);
    }

    @Test
    void the_administrator_sees_health_lag_and_roles_and_rebuilds_the_read_models_with_progress() throws Exception {
        String page = html(get("/admin").with(ADMIN));
        assertThat(page).contains("<h1>Administration</h1>", "id=\"health-status\"", "readModels", "db",
                "tar emot kommandon, håller läsmodellerna", "id=\"read-model-register\"", "id=\"read-model-measures\"",
                "id=\"read-model-audit\"", "id=\"read-model-chain\"", "Ingen ombyggnad sedan Molnkoll startade",
                "Bygg om läsmodellerna nu");
        // the lag column shows the events after each read model's position: caught up, none
        assertThat(page.replaceAll("\\s+", " ")).containsPattern("id=\"read-model-register\">.*?<td class=\"num lag\">0</td>");

        for (RequestPostProcessor other : List.of(MANAGER, AUDITOR, VIEWER)) {
            assertThat(mvc.perform(post("/admin/rebuild").with(other).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
        }
        MvcResult started = mvc.perform(post("/admin/rebuild").with(ADMIN).with(csrf())).andReturn();
        assertThat(started.getResponse().getRedirectedUrl()).isEqualTo("/admin#rebuild");
        assertThat(started.getFlashMap().get("success")).asString().contains("Ombyggnaden har startat");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(html(get("/admin/rebuild").with(ADMIN))).contains("id=\"rebuild-state\">Klar<", "Bygg om läsmodellerna nu"));
        String done = html(get("/admin/rebuild").with(ADMIN));
        assertThat(done).doesNotContain("<html", "hx-trigger").contains("<progress", "– admin");
        long total = Long.parseLong(done.replaceAll("(?s).*?(\\d+) av (\\d+) händelser.*", "$2"));
        assertThat(done).contains(total + " av " + total + " händelser");
        assertThat(total).isPositive();
    }

    @Test
    void the_service_page_shows_facts_classification_measures_evidence_and_timeline() throws Exception {
        String page = html(get(service).with(AUDITOR));
        assertThat(page).contains("<h1>Sidtest</h1>", "Moln AB", "K1",
                "Klassningen gör " + catalogue.applicableTo(new se.molnkoll.kernel.Classification(1, 1, 1, false, false,
                        List.of("SE"), null, null)).size() + " av rutinens 42 åtgärder tillämpliga",
                "id=\"measure-38-ACQUIRE\"", "Granskningsrapport", "rapport.pdf", "SHA-256",
                "/evidence/" + evidence + "/document", "Händelser", "manager");
        assertThat(page).doesNotContain("Registrera underlag", "method=\"post\" action=\"" + service);
        String managers = html(get(service).with(MANAGER));
        assertThat(managers).contains("Registrera underlag", "Ändra klassningen", "Starta förvaltning");
    }

    @Test
    void the_catalogue_shows_all_measures_and_filters_them() throws Exception {
        assertThat(count(html(get("/catalogue").with(VIEWER)), "<tr id=\"measure-")).isEqualTo(42);
        long inExit = catalogue.measures().stream().filter(m -> m.belongsTo(Phase.EXIT)).count();
        assertThat(count(html(get("/catalogue?phase=EXIT").with(VIEWER)), "<tr id=\"measure-")).isEqualTo(inExit);
        long personalData = catalogue.measures().stream().filter(m -> m.personalData()).count();
        assertThat(count(html(get("/catalogue?criterion=PERSONAL_DATA").with(VIEWER)), "<tr id=\"measure-"))
                .isEqualTo(personalData);
        String search = html(get("/catalogue?q=hashkedja-finns-inte").with(VIEWER));
        assertThat(count(search, "<tr id=\"measure-")).isZero();
        assertThat(html(get("/catalogue?q=27017").with(VIEWER))).contains("SS-EN ISO/IEC 27017");
    }

    @Test
    void the_register_filters_and_sorts() throws Exception {
        register("Ö-tjänsten");
        register("A-tjänsten");
        String byName = html(get("/services?q=tjänsten").with(VIEWER));
        assertThat(byName.indexOf("A-tjänsten")).isLessThan(byName.indexOf("Ö-tjänsten"));
        String descending = html(get("/services?q=tjänsten&sort=name&dir=desc").with(VIEWER));
        assertThat(descending.indexOf("Ö-tjänsten")).isLessThan(descending.indexOf("A-tjänsten"));
        assertThat(html(get("/services?phase=EXIT&q=tjänsten").with(VIEWER))).doesNotContain("A-tjänsten");
        assertThat(html(get("/services?open=true&q=Sidtest").with(VIEWER))).contains("Sidtest");
        assertThat(html(get("/services?expired=true&q=Sidtest").with(VIEWER))).doesNotContain(">Sidtest<");
    }

    @Test
    void the_language_can_be_english_and_the_choice_is_remembered() throws Exception {
        MvcResult english = mvc.perform(get("/?lang=en").with(VIEWER)).andReturn();
        assertThat(english.getResponse().getContentAsString()).contains("<html lang=\"en\"", "<h1>Overview</h1>");
        jakarta.servlet.http.Cookie chosen = english.getResponse().getCookie("molnkoll-lang");
        assertThat(chosen).isNotNull();
        assertThat(html(get("/catalogue").cookie(chosen).with(VIEWER))).contains("<h1>Measure catalogue</h1>");
        assertThat(html(get("/catalogue").with(VIEWER))).contains("<html lang=\"sv\"", "<h1>Åtgärdskatalogen</h1>");
    }

    @Test
    void missing_and_unknown_things_get_a_page_not_internals() throws Exception {
        for (String path : List.of("/services/" + java.util.UUID.randomUUID(), "/services/not-an-id",
                service + "/evidence/" + java.util.UUID.randomUUID() + "/document")) {
            MvcResult result = mvc.perform(get(path).with(AUDITOR)).andReturn();
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(404);
        }
        MvcResult badPhase = mvc.perform(get("/catalogue?phase=NONE").with(VIEWER)).andReturn();
        assertThat(badPhase.getResponse().getStatus()).isEqualTo(400);
    }

    // ---- forms: validation next to the fields, rules in words, nothing recorded -----------------

    @Test
    void a_registration_with_blank_fields_says_which_and_records_nothing() throws Exception {
        long before = events();
        String page = html(post("/services/new").param("name", " ").param("vendor", "V").param("serviceModel", "")
                .param("organisationUnit", "U").param("owner", "x".repeat(201)).with(MANAGER).with(csrf()));
        assertThat(page).contains("id=\"name-error\">Fyll i fältet.", "id=\"serviceModel-error\">Välj eller fyll i ett värde.",
                "id=\"owner-error\">Högst 200 tecken.", "aria-invalid=\"true\"", "aria-describedby=\"name-error\"");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void the_classification_preview_shows_what_becomes_applicable_without_saving_it() throws Exception {
        String fresh = register("Förhandsgranskning");
        long before = events();
        String preview = html(post(fresh + "/classification/preview").param("confidentiality", "2").param("integrity", "2")
                .param("availability", "1").param("personalData", "true").with(MANAGER).with(csrf()));
        int expected = catalogue.applicableTo(new se.molnkoll.kernel.Classification(2, 2, 1, false, true, List.of(),
                null, null)).size();
        assertThat(preview).startsWith("<section id=\"preview\"").contains(expected + " av rutinens åtgärder blir tillämpliga");
        String withButton = html(post(fresh + "/classification").param("preview", "true").param("confidentiality", "2")
                .param("integrity", "2").param("availability", "1").with(MANAGER).with(csrf()));
        assertThat(withButton).contains("<h1>Klassa Förhandsgranskning</h1>", "blir tillämpliga");
        String badLocation = html(post(fresh + "/classification").param("confidentiality", "2").param("integrity", "2")
                .param("availability", "9").param("allowedLocations", "SE, Månen").with(MANAGER).with(csrf()));
        assertThat(badLocation).contains("id=\"availability-error\">Högst 4.", "Okänd plats: MÅNEN");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_provider_change_before_operation_is_refused_in_words_on_the_form_again() throws Exception {
        long before = events();
        String page = html(post(service + "/provider-change").param("description", "Ny ägare")
                .param("changedOn", TODAY.toString()).with(MANAGER).with(csrf()));
        assertThat(page).contains("Det går inte i tjänstens nuvarande fas.", "Sidtest", "Ny &auml;gare")
                .doesNotContain("WRONG_PHASE");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void evidence_for_a_measure_that_does_not_apply_is_refused_in_words() throws Exception {
        long before = events();
        // measure 30 applies from confidentiality class 2; the service is K1
        String page = html(multipart(service + "/evidence/new").param("measureIds", "30").param("phases", "ACQUIRE")
                .param("kind", "OTHER").param("title", "t").param("issuer", "i").param("receivedOn", TODAY.toString())
                .with(MANAGER).with(csrf()));
        assertThat(page).contains("Åtgärd 30 (Anskaffa) gäller inte för tjänstens klassning.").doesNotContain("MEASURE_NOT_APPLICABLE");
        String periods = html(multipart(service + "/evidence/new").param("measureIds", "38").param("phases", "ACQUIRE")
                .param("kind", "OTHER").param("title", "t").param("issuer", "i").param("receivedOn", TODAY.toString())
                .param("validFrom", "2026-11-20").param("validUntil", "2026-11-01").param("documentSha256", "abc")
                .with(MANAGER).with(csrf()));
        assertThat(periods).contains("id=\"validUntil-error\">Giltigt till får inte vara före giltigt från",
                "id=\"documentSha256-error\">Ange 64 hexadecimala tecken");
        String unsupported = html(multipart(service + "/evidence/new")
                .file(new MockMultipartFile("file", "virus.exe", "application/octet-stream", new byte[]{0x4d, 0x5a, 0, 1}))
                .param("measureIds", "38").param("phases", "ACQUIRE").param("kind", "OTHER").param("title", "t")
                .param("issuer", "i").param("receivedOn", TODAY.toString()).with(MANAGER).with(csrf()));
        assertThat(unsupported).contains("Filtypen tas inte emot.");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void starting_operation_with_open_measures_is_refused_with_the_measures_named() throws Exception {
        long before = events();
        MvcResult refused = mvc.perform(post(service + "/operation").with(MANAGER).with(csrf())).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(service);
        @SuppressWarnings("unchecked")
        List<String> reasons = (List<String>) refused.getFlashMap().get("refused");
        assertThat(reasons).singleElement().asString()
                .startsWith("Förvaltningen kan inte starta förrän anskaffningens åtgärder är uppfyllda eller riskaccepterade. Öppna: ")
                .contains("1 (Anskaffa)");
        assertThat(events()).isEqualTo(before);
        String page = html(get(service).flashAttr("refused", reasons).with(MANAGER));
        assertThat(page).contains("class=\"notice error\"", "Öppna: 1 (Anskaffa)");
    }

    @Test
    void a_contract_manager_can_do_every_task_through_the_forms() throws Exception {
        String id = register("Hela livet");
        send(post(id + "/classification").param("confidentiality", "0").param("integrity", "0").param("availability", "0"));
        List<String> acquire = applicable(id, "ACQUIRE");
        String firstAcceptable = acquire.stream().filter(m -> !m.equals("24") && !m.equals("42")).findFirst().orElseThrow();
        acceptRisk(id, firstAcceptable, "Låg risk");
        MockHttpServletRequestBuilder evidence = multipart(id + "/evidence/new").param("phases", "ACQUIRE", "OPERATE")
                .param("kind", "CONTRACT_CLAUSE").param("title", "Avtal").param("issuer", "Moln AB")
                .param("receivedOn", TODAY.toString());
        List<String> operate = applicable(id, "OPERATE");
        Set<String> all = new java.util.TreeSet<>(acquire);
        all.addAll(operate);
        all.remove(firstAcceptable);
        send(evidence.param("measureIds", all.toArray(String[]::new)));
        send(post(id + "/operation"));
        assertThat(html(get(id).with(MANAGER))).contains("Fas</dt><dd>Förvalta");
        send(post(id + "/provider-change").param("description", "Ny ägare").param("changedOn", TODAY.toString()));
        String withdrawn = jdbc.queryForObject("select evidence_id from evidence where service_id = ? and recorded_to is null",
                String.class, id.substring("/services/".length()));
        send(post(id + "/evidence/" + withdrawn + "/withdrawal").param("reason", "Fel avtal"));
        send(post(id + "/termination").param("terminatedOn", TODAY.toString()).param("reason", "Upphandlas på nytt"));
        List<String> exit = applicable(id, "EXIT");
        send(multipart(id + "/evidence/new").param("measureIds", exit.toArray(String[]::new)).param("phases", "EXIT")
                .param("kind", "VENDOR_STATEMENT").param("title", "Raderingsintyg").param("issuer", "Moln AB")
                .param("receivedOn", TODAY.toString()));
        send(post(id + "/decommissioning"));
        String page = html(get(id).with(MANAGER));
        assertThat(page).contains("Avvecklad", "Fas</dt><dd>Lämna").doesNotContain("Registrera underlag");
        assertThat(mvc.perform(get(id + "/evidence/new").with(MANAGER)).andReturn().getResponse().getStatus()).isEqualTo(409);
        assertThat(jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ?"
                + " order by sequence_number", String.class, id.substring("/services/".length())).stream()
                .map(t -> t.substring(t.lastIndexOf('.') + 1)).toList())
                .containsExactly("CloudServiceRegistered", "ClassificationSet", "RiskAcceptanceProposed",
                        "RiskAcceptanceApproved", "EvidenceReceived",
                        "OperationStarted", "ReviewScheduled", "ReviewScheduled", "ReviewScheduled", "ProviderChangeRecorded", "EvidenceWithdrawn", "ContractTerminated",
                        "EvidenceReceived", "ServiceDecommissioned");
        // every step the manager's, but the approval: the risk owner's
        assertThat(jdbc.queryForList("select meta_data from domain_event_entry where aggregate_identifier = ?"
                + " order by sequence_number", String.class, id.substring("/services/".length())))
                .allMatch(m -> m.contains(m.equals(approvalMetaData(id)) ? "\"actor\":\"riskowner\"" : "\"actor\":\"manager\""));
    }

    @Test
    void odd_input_gets_an_answer_not_a_failure() throws Exception {
        long before = events();
        assertThat(html(multipart(service + "/evidence/new").param("measureIds", "0").param("phases", "ACQUIRE")
                .param("kind", "OTHER").param("title", "t").param("issuer", "i").param("receivedOn", TODAY.toString())
                .with(MANAGER).with(csrf()))).contains("id=\"measureIds-error\">Välj bland åtgärderna i listan.");
        assertThat(html(post(service + "/risk-acceptance").param("measureId", "-3").param("phase", "ACQUIRE")
                .param("residualRisk", "r").param("motivation", "m").with(MANAGER).with(csrf())))
                .contains("id=\"measureId-error\">Minst 1.");
        // a refusal names the measure, the phases it does belong to, and what to do
        assertThat(html(post(service + "/risk-acceptance").param("measureId", "2").param("phase", "EXIT")
                .param("residualRisk", "r").param("motivation", "m").param("validUntil", TODAY.plusYears(1).toString())
                .with(MANAGER).with(csrf())))
                .contains("Åtgärd 2 gäller bara fasen Förvalta; välj Förvalta eller ta bort åtgärd 2.");
        // the evidence form's refusal says the same of each measure, naming all the phases it belongs to
        assertThat(html(multipart(service + "/evidence/new").param("measureIds", "2", "7").param("phases", "EXIT")
                .param("kind", "OTHER").param("title", "t").param("issuer", "i").param("receivedOn", TODAY.toString())
                .with(MANAGER).with(csrf()))).contains("Åtgärd 2 gäller bara fasen Förvalta; välj Förvalta eller ta bort åtgärd 2.",
                "Åtgärd 7 gäller bara faserna Anskaffa och Förvalta; välj Anskaffa eller Förvalta eller ta bort åtgärd 7.");
        assertThat(events()).isEqualTo(before);
        // the Swedish name of the EU/EEA, as the hint says it
        assertThat(html(post(service + "/classification/preview").param("confidentiality", "1").param("integrity", "1")
                .param("availability", "1").param("allowedLocations", "SE, EU/EES").with(MANAGER).with(csrf())))
                .contains("blir tillämpliga");
        // links keep what was typed
        assertThat(html(get("/services").param("q", "C++ å").with(VIEWER))).contains("href=\"/services?q=C%2B%2B+%C3%A5&amp;sort=");
        assertThat(html(get("/audit").param("actor", "{x}").with(AUDITOR))).contains("/audit/export?actor=%7Bx%7D&amp;format=csv");
        assertThat(mvc.perform(get("/audit/export").param("format", "xml").param("actor", "{x}").with(AUDITOR)).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/audit?actor=%7Bx%7D");
        assertThat(html(get("/audit?page=99999999").with(AUDITOR))).contains("Händelselogg");
        // only Swedish and English
        MvcResult german = mvc.perform(get("/?lang=de").with(VIEWER)).andReturn();
        assertThat(german.getResponse().getContentAsString()).contains("<html lang=\"sv\"");
    }

    // ---- auditors --------------------------------------------------------------------------

    @Test
    void an_auditor_sees_the_trail_exports_it_and_verifies_the_chain() throws Exception {
        String trail = html(get("/audit?service=" + service.substring(10)).with(AUDITOR));
        assertThat(trail).contains("Tjänst registrerad", "Klassning satt", "Underlag registrerat", "Dokument bifogat");
        // the document's evidence is named by its title, its id beside it; the summary column wraps
        assertThat(trail).containsPattern("Dokument bifogat till underlag &quot;Granskningsrapport&quot; \\([0-9a-f-]{36}\\)")
                .contains("class=\"summary\"");
        assertThat(html(get("/audit?from=2026-13-01").with(AUDITOR))).contains("Från och med: Ange datumet som ÅÅÅÅ-MM-DD.");
        MvcResult csv = mvc.perform(get("/audit/export?format=csv&service=" + service.substring(10)).with(AUDITOR)).andReturn();
        csv.getAsyncResult();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        MvcResult bad = mvc.perform(get("/audit/export?format=xml").with(AUDITOR)).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(303);
        assertThat(bad.getResponse().getRedirectedUrl()).isEqualTo("/audit");
        String verification = html(get("/audit/verification?verify=true").with(AUDITOR));
        assertThat(verification).contains("Historiken är intakt", "id=\"head-hash\"");
        String noted = html(get("/audit/verification?verify=true&position=1&hash=" + "0".repeat(64)).with(AUDITOR));
        assertThat(noted).contains("Historiken är INTE intakt", "Kedjan har inte den antecknade hashen");
        assertThat(html(get("/audit/verification?verify=true&position=1").with(AUDITOR)))
                .contains("Ange både position och hash");
    }

    @Test
    void an_auditor_compares_two_moments() throws Exception {
        String id = register("Jämförelse");
        TestClock.CLOCK.set(TestClock.CLOCK.instant().plusSeconds(3600));
        send(post(id + "/classification").param("confidentiality", "1").param("integrity", "0").param("availability", "0"));
        String changes = html(get(id + "/changes?from=" + TODAY + "&fromTime=12:30").with(AUDITOR));
        assertThat(changes).contains("<td>Konfidentialitet</td>", "<span>1</span>", "Klassning satt, 2026-11-26 13:00 av manager", "Gäller inte");
        String before = html(get(id).param("asOf", TODAY.toString()).param("asOfTime", "12:30").with(AUDITOR));
        String timeline = before.substring(before.indexOf("<ol class=\"timeline\">"));
        assertThat(timeline).contains("Molntjänsten &quot;Jämförelse&quot; registrerades").doesNotContain("Informationsklassning satt");
        assertThat(html(get(id + "/changes?from=" + TODAY + "&to=2026-01-01").with(AUDITOR)))
                .contains("Den andra tidpunkten måste vara efter den första.");
    }

    @Test
    void the_minute_a_page_shows_given_back_shows_that_state_and_a_moment_before_the_service_is_explained() throws Exception {
        java.time.Instant registration = TODAY.atTime(12, 0, 35).atZone(java.time.ZoneId.of("Europe/Stockholm")).toInstant();
        TestClock.CLOCK.set(registration);
        String id = register("Minutprecision");
        TestClock.CLOCK.set(registration.plusSeconds(600));
        send(post(id + "/classification").param("confidentiality", "1").param("integrity", "0").param("availability", "0"));
        String now = html(get(id).with(AUDITOR));
        // shown to the minute, linked to the second
        assertThat(now).contains("2026-11-26 12:00</a>", "asOf=2026-11-26&amp;asOfTime=12:00:35");
        // each event of the timeline leads to the state just after it; seconds shown where two share a minute
        TestClock.CLOCK.set(registration.plusSeconds(615));
        send(post(id + "/classification").param("confidentiality", "2").param("integrity", "0").param("availability", "0"));
        String timeline = html(get(id).with(AUDITOR));
        timeline = timeline.substring(timeline.indexOf("<ol class=\"timeline\">"));
        assertThat(timeline).contains(">2026-11-26 12:10:35</time>", ">2026-11-26 12:10:50</time>", ">2026-11-26 12:00</time>",
                "asOfTime=12:10:35");
        // 12:00 as the page shows it means the end of that minute: the service registered at 12:00:35 is there
        String atTheMinute = html(get(id).param("asOf", TODAY.toString()).param("asOfTime", "12:00").with(AUDITOR));
        assertThat(atTheMinute).contains("<h1>Minutprecision</h1>", "Så som Molnkoll kände till tjänsten 2026-11-26 12:00")
                .doesNotContain("Tjänsten fanns inte");
        assertThat(atTheMinute.substring(atTheMinute.indexOf("classification-heading"))).contains("Inte klassad");
        assertThat(html(get(id).param("asOf", TODAY.toString()).param("asOfTime", "12:00:35").with(AUDITOR)))
                .contains("<h1>Minutprecision</h1>").doesNotContain("Tjänsten fanns inte");
        // before it was registered: its own page says so and how to see it, never the error page
        String before = html(get(id).param("asOf", TODAY.toString()).param("asOfTime", "12:00:34").with(AUDITOR));
        assertThat(before).contains("<h1>Minutprecision</h1>",
                "Tjänsten fanns inte i Molnkoll vid 2026-11-26 12:00:34: den registrerades 2026-11-26 12:00:35.",
                "asOf=2026-11-26&amp;asOfTime=12:00:35").doesNotContain("Sidan finns inte");
        assertThat(html(get(id).param("asOf", "2026-11-25").with(AUDITOR))).contains("Tjänsten fanns inte i Molnkoll vid 2026-11-25");
    }

    @Test
    void the_register_counts_the_current_phases_work_and_expiring_certificates_show_where_the_work_is() throws Exception {
        String id = register("Räkning och utgång");
        send(post(id + "/classification").param("confidentiality", "2").param("integrity", "2").param("availability", "2"));
        send(multipart(id + "/evidence/new").param("measureIds", "27").param("phases", "ACQUIRE")
                .param("kind", "CERTIFICATE").param("title", "ISO 27001").param("issuer", "Cert AB")
                .param("receivedOn", TODAY.toString()).param("validUntil", TODAY.plusDays(42).toString()));
        String register = html(get("/services?q=Räkning och utgång").with(VIEWER));
        String row = register.substring(register.indexOf("Räkning och utgång</a>"));
        row = row.substring(0, row.indexOf("</tr>"));
        // the acquisition's open measures, the later phases' apart and named
        String page = html(get(id).with(VIEWER));
        java.util.regex.Matcher openInAcquisition = java.util.regex.Pattern.compile(
                "id=\"measure-\\d+-ACQUIRE\">\\s*<td class=\"num\"[^>]*>\\d+</td>\\s*<td[^>]*><span class=\"status status-(OPEN|EXPIRED)\"")
                .matcher(page);
        long acquireOpen = openInAcquisition.results().count();
        assertThat(acquireOpen).isPositive();
        assertThat(row).contains("<span>" + acquireOpen + "</span>", "(övriga faser: Förvalta ", "Lämna ");
        assertThat(html(get("/services").with(VIEWER))).contains("Öppna i nuvarande fas");
        // measure 24 is open after classifying, and the page says why and what closes it
        assertThat(html(get(id).with(MANAGER))).contains("id=\"measure-24-why\"",
                "rutinen kräver både informationsklassningen och en utvärdering", "Registrera utvärderingen som underlag för åtgärd 24");
        send(multipart(id + "/evidence/new").param("measureIds", "24").param("phases", "ACQUIRE")
                .param("kind", "INTERNAL_DECISION").param("title", "Utvärdering mot klassningen").param("issuer", "Regionstyrelsen")
                .param("receivedOn", TODAY.toString()));
        assertThat(html(get(id).with(MANAGER))).doesNotContain("id=\"measure-24-why\"");
        // starting operation is blocked, and says so where the button is, without being disabled
        String managers = html(get(id).with(MANAGER));
        assertThat(managers).contains("id=\"start-operation\"", "aria-disabled=\"true\"", "aria-describedby=\"operation-blocked\"",
                "Starta förvaltning – inte möjligt än (").doesNotContain("disabled=\"disabled\"");
        // every number on the dashboard's cards leads to what it counts
        String dashboard = html(get("/").with(VIEWER));
        String cards = dashboard.substring(dashboard.indexOf("class=\"cards\""), dashboard.indexOf("</section>", dashboard.indexOf("class=\"cards\"")));
        assertThat(count(cards, "class=\"number\"><a href=")).isEqualTo(9);
        assertThat(cards).contains("href=\"/risks\"", "href=\"/risks#ending\"");
        assertThat(dashboard).contains("<section id=\"certificates\">", "<section id=\"unclassified\">");
        // the certificate with 42 days left is flagged on the register and on the service, not just the dashboard
        assertThat(row).contains("class=\"badge badge-expiring\">Intyg går ut om 42 dagar</span>");
        assertThat(page).contains("Giltigt</span>", "class=\"badge badge-expiring\">Intyg går ut om 42 dagar</span>");
    }

    // ---- helpers ---------------------------------------------------------------------------

    @Test
    void a_manager_registers_a_vendor_links_the_service_and_declares_its_locations_with_each_bad_field_named() throws Exception {
        long before = events();
        String refused = html(post("/vendors/new").param("name", "Felmoln AB").param("country", "Sverige")
                .param("organisationNumber", "556012-5791").with(MANAGER).with(csrf()));
        assertThat(refused).contains("id=\"country-error\"", "Ange en landskod med två bokstäver");
        String ruled = html(post("/vendors/new").param("name", "Felmoln AB").param("country", "SE")
                .param("organisationNumber", "556012-5791").with(MANAGER).with(csrf()));
        assertThat(ruled).contains("Kontrollsiffran stämmer inte", "value=\"556012-5791\"");
        assertThat(events()).as("refused: nothing recorded").isEqualTo(before);

        String page = html(get(service).with(MANAGER));
        assertThat(page).contains("Ingen: leverantören anges bara i text.", "id=\"link-vendor\"");
        send(post(service + "/vendor-link").param("vendorId", vendor.substring("/vendors/".length())).param("reason", "Vald på sidan"));
        assertThat(html(get(service).with(AUDITOR))).contains("id=\"vendor-record\"", "Sidmoln AB");

        String badCountry = html(post(service + "/locations").param("storageCountries", "SE, Narnia").param("declaredOn", TODAY.toString())
                .with(MANAGER).with(csrf()));
        assertThat(badCountry).contains("id=\"storageCountries-error\"", "Okänd landskod: Narnia");
        send(post(service + "/locations").param("storageCountries", "se, us").param("declaredOn", TODAY.toString())
                .param("evidence", "PUB-avtal bilaga 1"));
        String after = html(get(service).with(AUDITOR));
        assertThat(after).contains("id=\"location-conflicts\"", "Plats utanför det klassningen tillåter: US");
        assertThat(html(get("/locations?conflicts=true").with(VIEWER))).contains("Sidtest", "Plats utanför det klassningen tillåter: US");
        assertThat(html(get(vendor).with(VIEWER))).contains("Sidtest", "Platskonflikt");
        send(post(service + "/locations").param("storageCountries", "SE").param("declaredOn", TODAY.toString()));
        assertThat(html(get(service).with(AUDITOR))).contains("id=\"no-location-conflict\"");
    }

    private String register(String name) throws Exception {
        MvcResult result = mvc.perform(post("/services/new").param("name", name).param("vendor", "Moln AB")
                .param("serviceModel", "SAAS").param("organisationUnit", "Regionstyrelsen").param("owner", "Anna")
                .with(MANAGER).with(csrf())).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as(result.getResponse().getContentAsString()).startsWith("/services/");
        return result.getResponse().getRedirectedUrl();
    }

    /** Sends a form as the manager and checks that it was accepted: back to the service with a note. */
    /** The manager proposes accepting the residual risk of the measure in acquisition for a year; the risk owner approves it. */
    private void acceptRisk(String id, String measure, String motivation) throws Exception {
        send(post(id + "/risk-acceptance").param("measureId", measure).param("phase", "ACQUIRE")
                .param("residualRisk", "Kvarstående risk").param("motivation", motivation)
                .param("validUntil", TODAY.plusYears(1).toString()));
        String proposal = jdbc.queryForObject("select proposal_id from risk_proposal where service_id = ? and state = 'PENDING'"
                + " and recorded_to is null", String.class, id.substring("/services/".length()));
        MvcResult approved = mvc.perform(post(id + "/risk-proposals/" + proposal + "/approval").param("text", "Godkänt")
                .with(RISK_OWNER).with(csrf())).andReturn();
        assertThat(approved.getResponse().getRedirectedUrl()).isEqualTo("/risks");
        assertThat(approved.getFlashMap().get("refused")).as("refused").isNull();
    }

    private String approvalMetaData(String id) {
        return jdbc.queryForObject("select meta_data from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%RiskAcceptanceApproved'", String.class, id.substring("/services/".length()));
    }

    private void send(MockHttpServletRequestBuilder form) throws Exception {
        MvcResult result = mvc.perform(form.with(MANAGER).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
        assertThat(result.getFlashMap().get("refused")).as("refused").isNull();
        assertThat(result.getFlashMap().get("success")).isNotNull();
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        result.getResponse().setCharacterEncoding("UTF-8");
        return result.getResponse().getContentAsString();
    }

    /** The measures that apply to the service in a phase, as the service page lists them. */
    private List<String> applicable(String service, String phase) throws Exception {
        Matcher m = Pattern.compile("id=\"measure-(\\d+)-" + phase + "\"").matcher(html(get(service).with(MANAGER)));
        List<String> ids = new ArrayList<>();
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static long count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
