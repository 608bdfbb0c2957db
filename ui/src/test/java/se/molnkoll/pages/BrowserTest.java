package se.molnkoll.pages;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.support.Axe;
import se.molnkoll.support.Browser;
import se.molnkoll.support.TestClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.support.TestClock.TODAY;

/**
 * The pages in a real headless Chromium, on the embedded database with the demo portfolio: a
 * contract manager does the everyday work, an auditor looks back, a viewer only reads, and the
 * language switches. Screenshots for review land in {@code ui/target/screenshots/}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "molnkoll.demo-data=true")
@ActiveProfiles("test")
@Import(TestClock.class)
class BrowserTest {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    static Browser browser;

    @BeforeAll
    static void openBrowser(@LocalServerPort int port) {
        browser = Browser.open(port);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void noon() {
        TestClock.CLOCK.set(TODAY);
        browser.width(1280, 1000);
    }

    @Test
    void a_new_classification_in_operation_reopens_the_risk_analysis_and_the_service_page_says_why() {
        browser.signIn("manager").go("/services?q=Kartdata").follow(By.linkText("Kartdata för kollektivtrafiken"));
        String service = browser.path();
        assertThat(browser.all(By.id("measure-42-why"))).as("nothing re-opened the risk analysis yet").isEmpty();
        browser.follow(By.linkText("Ändra klassningen"));
        String integrity = browser.find(By.id("integrity")).getAttribute("value");
        browser.choose(By.id("integrity"), integrity.equals("4") ? "3" : String.valueOf(Integer.parseInt(integrity) + 1));
        browser.follow(By.id("save"));
        assertThat(browser.path()).isEqualTo(service);
        assertThat(browser.text(By.id("measure-42-why"))).contains("Åtgärd 42 (riskanalysen) i förvaltningen är öppen igen sedan "
                + TODAY, "användningen ändrades");
        assertThat(status(42, "OPERATE")).isEqualTo("Öppen");
    }

    @Test
    void a_manager_imports_a_register_sees_the_wrong_row_in_the_preview_fixes_it_and_imports_it_too() throws Exception {
        String key = "B" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String header = "Beteckning;Namn;Leverantör;Tjänstemodell;Organisationsenhet;Ägare;Konfidentialitet;Riktighet;Tillgänglighet\r\n";
        String rows = key + "-1;Lönesystemet " + key + ";Lön AB;SaaS;Regionstyrelsen;Anna Andersson;2;2;2\r\n"
                + key + "-2;Kartverktyget " + key + ";Karta AB;SaaSy;Regionstyrelsen;Bo Berg;;;\r\n"
                + key + "-3;Enkätverktyget " + key + ";Enkät AB;SaaS;Regionstyrelsen;Cecilia Ek;1;1;1\r\n";
        Path file = Files.createTempFile("register-", ".csv");
        Files.writeString(file, "\uFEFF" + header + rows);

        browser.signIn("manager").go("/services").follow(By.id("import"));
        browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.follow(By.id("preview"));
        assertThat(browser.text(By.id("counts"))).contains("Registreras: 2", "Med fel: 1");
        String problem = browser.text(By.cssSelector("#problem-rows tr[data-row='SERVICES:3']"));
        assertThat(problem).contains("Tjänstemodell", "Ange SaaS, PaaS eller IaaS.");
        assertThat(Axe.violations(browser.driver())).as("the preview, by axe").isEmpty();
        browser.screenshot("import-preview");
        assertThat(jdbc.queryForObject("select count(*) from cloud_service where name like ?", Long.class, "%" + key))
                .as("the preview wrote nothing").isZero();

        browser.follow(By.id("start-import"));
        browser.waitFor(By.id("import-done"));
        assertThat(browser.text(By.id("import-done"))).contains("2 rader importerade");
        assertThat(Axe.violations(browser.driver())).as("the run, by axe").isEmpty();

        // the row fixed in the file; the same file imported again does only that row
        Files.writeString(file, "\uFEFF" + header + rows.replace(";SaaSy;", ";SaaS;"));
        browser.go("/services/import");
        browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.follow(By.id("preview"));
        assertThat(browser.text(By.id("counts"))).contains("Registreras: 1", "Oförändrade: 2", "Med fel: 0");
        browser.follow(By.id("start-import"));
        browser.waitFor(By.id("import-done"));
        browser.follow(By.id("to-register"));
        browser.go("/services?q=" + key);
        assertThat(browser.all(By.partialLinkText(key))).hasSize(3);

        // the audit trail names the importer, the row and the file
        browser.signIn("auditor").go("/audit?type=ExternalKeyAssigned");
        assertThat(browser.text(By.cssSelector("tbody tr"))).contains("manager", "import, rad 3 i fil");
    }

    @Test
    void a_manager_registers_classifies_and_records_evidence_with_a_document_and_an_auditor_sees_the_service_as_it_was_before() throws Exception {
        browser.signIn("manager");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Översikt");
        browser.screenshot("dashboard");

        // register
        browser.go("/services").follow(By.linkText("Registrera en tjänst"));
        browser.follow(By.id("save"));
        assertThat(browser.text(By.id("name-error"))).isEqualTo("Fyll i fältet.");
        assertThat(browser.find(By.id("name")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.type(By.id("name"), "Remisshantering i webbläsaren")
                .type(By.id("vendor"), "Remissmoln AB")
                .choose(By.id("serviceModel"), "SAAS")
                .type(By.id("organisationUnit"), "Hälso- och sjukvård")
                .type(By.id("owner"), "Karin Holm")
                .follow(By.id("save"));
        assertThat(browser.text(By.tagName("h1"))).as(browser.text(By.tagName("main"))).isEqualTo("Remisshantering i webbläsaren");
        assertThat(browser.text(By.cssSelector(".notice.success"))).contains("Tjänsten är registrerad");
        String service = browser.path();

        // classify: the preview shows, before saving, what the classes make applicable
        browser.follow(By.linkText("Klassa informationen"));
        browser.choose(By.id("confidentiality"), "2").choose(By.id("integrity"), "2").choose(By.id("availability"), "1");
        browser.click(By.cssSelector("input[name=personalData]"));
        browser.waitForText(By.id("preview"), "blir tillämpliga"); // swapped in by htmx, nothing saved yet
        browser.waitForText(By.id("preview"), "Anskaffa:"); // each choice asks again: waits out later swaps
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%ClassificationSet'"
                + " and aggregate_identifier = ?", Long.class, service.substring("/services/".length()))).isZero();
        browser.follow(By.id("save"));
        assertThat(browser.text(By.cssSelector(".notice.success"))).isEqualTo("Klassningen är sparad.");
        assertThat(status(38, "ACQUIRE")).isEqualTo("Öppen");
        LocalDateTime classifiedAt = LocalDateTime.ofInstant(TestClock.CLOCK.instant(), BusinessDates.ZONE);

        // two hours later, the vendor's audit report arrives, with its document
        TestClock.CLOCK.set(TestClock.CLOCK.instant().plus(Duration.ofHours(2)));
        browser.follow(By.linkText("Registrera underlag"));
        assertThat(browser.all(By.cssSelector("input[name=measureIds]"))).as("only applicable measures")
                .hasSizeLessThan(42).isNotEmpty();
        browser.click(By.cssSelector("input[name=measureIds][value='38']"));
        browser.choose(By.id("kind"), "AUDIT_REPORT")
                .type(By.id("title"), "Granskningsrapport 2026")
                .type(By.id("issuer"), "Revisionsbyrån Granskning AB");
        // a file over the limit (1 MB in tests) is turned back with the reason; the form is there again
        Path huge = Files.createTempFile("for-stor", ".pdf");
        Files.write(huge, new byte[1024 * 1024 + 1]);
        browser.find(By.id("file")).sendKeys(huge.toAbsolutePath().toString());
        browser.follow(By.id("save"));
        assertThat(browser.text(By.cssSelector(".notice.error"))).contains("Filen är större än de 1 MB som Molnkoll tar emot.");
        assertThat(browser.path()).isEqualTo(service + "/evidence/new");
        browser.click(By.cssSelector("input[name=measureIds][value='38']"));
        browser.choose(By.id("kind"), "AUDIT_REPORT")
                .type(By.id("title"), "Granskningsrapport 2026")
                .type(By.id("issuer"), "Revisionsbyrån Granskning AB");
        Path report = Files.createTempFile("granskningsrapport", ".pdf");
        Files.writeString(report, "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
        browser.find(By.id("file")).sendKeys(report.toAbsolutePath().toString());
        browser.follow(By.id("save"));
        assertThat(browser.text(By.cssSelector(".notice.success"))).isEqualTo("Underlaget är registrerat med sitt dokument.");
        assertThat(status(38, "ACQUIRE")).isEqualTo("Uppfylld");
        assertThat(browser.all(By.partialLinkText("Ladda ned"))).hasSize(1);
        browser.screenshot("service");

        // the auditor asks what Molnkoll knew an hour after the classification, before the report
        browser.signOut().signIn("auditor").go(service);
        assertThat(writeControls()).isEmpty();
        browser.set(By.id("asOf"), classifiedAt.toLocalDate().toString())
                .set(By.id("asOfTime"), classifiedAt.plusHours(1).format(HH_MM))
                .follow(By.cssSelector("section[aria-labelledby=moment-heading] button[type=submit]"));
        assertThat(browser.text(By.cssSelector(".notice.warning"))).contains("Så som Molnkoll kände till tjänsten");
        assertThat(status(38, "ACQUIRE")).isEqualTo("Öppen");
        assertThat(browser.text(By.id("evidence-heading") )).isEqualTo("Underlag");
        assertThat(browser.all(By.cssSelector("[id^=evidence-]")).stream().filter(e -> e.getTagName().equals("div")))
                .as("the report was not yet known").isEmpty();
        browser.screenshot("auditor-as-of");

        // and today, the same service shows the report
        browser.follow(By.linkText("Visa läget nu"));
        assertThat(status(38, "ACQUIRE")).isEqualTo("Uppfylld");
    }

    @Test
    void an_auditor_gives_back_the_registration_minute_the_page_shows_and_sees_the_service_then() {
        // registered at 12:00:35: the page shows 12:00, which given back means the end of that minute
        TestClock.CLOCK.set(TODAY.atTime(12, 0, 35).atZone(BusinessDates.ZONE).toInstant());
        String service = registeredByManager("Minuten i webbläsaren");
        TestClock.CLOCK.set(TestClock.CLOCK.instant().plus(Duration.ofMinutes(5)));
        browser.signOut().signIn("auditor").go(service);
        String shown = browser.text(By.xpath("//dt[.='Registrerad']/following-sibling::dd[1]"));
        assertThat(shown).isEqualTo(TODAY + " 12:00");
        browser.set(By.id("asOf"), shown.substring(0, 10)).set(By.id("asOfTime"), shown.substring(11))
                .follow(By.cssSelector("section[aria-labelledby=moment-heading] button[type=submit]"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Minuten i webbläsaren");
        assertThat(browser.text(By.cssSelector(".notice.warning"))).contains("Så som Molnkoll kände till tjänsten");
        // a minute earlier it did not exist: the service's page says so and leads to the moment it did
        browser.set(By.id("asOf"), shown.substring(0, 10)).set(By.id("asOfTime"), "11:59")
                .follow(By.cssSelector("section[aria-labelledby=moment-heading] button[type=submit]"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Minuten i webbläsaren");
        assertThat(browser.text(By.cssSelector(".notice.warning"))).contains("Tjänsten fanns inte i Molnkoll vid",
                "den registrerades " + TODAY + " 12:00:35");
        browser.follow(By.linkText("Visa tjänsten som den var när den registrerades"));
        assertThat(browser.text(By.cssSelector(".notice.warning"))).contains("Så som Molnkoll kände till tjänsten " + TODAY + " 12:00");
    }

    @Test
    void a_blocked_start_of_operation_is_reachable_by_keyboard_and_says_why() {
        String service = registeredByManager("Blockerad start");
        classifiedThroughTheForm(1, 1, 1);
        org.openqa.selenium.WebElement start = browser.find(By.id("start-operation"));
        assertThat(start.isEnabled()).as("not disabled: a keyboard reaches it").isTrue();
        assertThat(start.getAttribute("aria-disabled")).isEqualTo("true");
        assertThat(start.getText()).startsWith("Starta förvaltning – inte möjligt än (");
        String reasons = browser.text(By.id(start.getAttribute("aria-describedby")));
        assertThat(reasons).contains("Förvaltningen kan starta när", "återstår");
        // pressed from the keyboard, it says why again, next to the service; nothing is recorded
        start.sendKeys(org.openqa.selenium.Keys.ENTER);
        // the answer comes back to the same address: wait for it rather than read the page it replaces
        browser.waitFor(By.cssSelector(".notice.error"));
        assertThat(browser.path()).isEqualTo(service);
        assertThat(browser.text(By.cssSelector(".notice.error"))).contains("Förvaltningen kan inte starta");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%OperationStarted'", Long.class, service.substring("/services/".length()))).isZero();
    }

    @Test
    void the_evidence_form_is_done_by_keyboard_with_the_kinds_preselection_and_the_search() {
        browser.signIn("manager");
        String service = browser.go("/services?q=Digitala").find(By.linkText("Digitala vårdmöten")).getAttribute("href")
                .replaceFirst("^https?://[^/]+", "");
        browser.go(service + "/evidence/new");
        List<String> offered = browser.all(By.cssSelector("li[data-measure]")).stream().map(li -> li.getAttribute("data-measure")).toList();
        assertThat(offered).as("each applicable measure once (this classification makes nearly all apply)").doesNotHaveDuplicates().hasSizeBetween(30, 42);
        assertThat(browser.text(By.id("selected-count"))).isEqualTo("0 av " + offered.size() + " åtgärder valda");
        // each measure says where it stands in each of its phases
        assertThat(browser.all(By.cssSelector("li[data-measure] .measure-statuses .status"))).hasSizeGreaterThanOrEqualTo(offered.size());

        Keyboard keys = new Keyboard();
        keys.press(Keys.TAB); // the skip link, past the navigation
        assertThat(browser.driver().switchTo().activeElement().getAttribute("class")).isEqualTo("skip");
        keys.press(Keys.ENTER).tabTo("kind");
        keys.press(Keys.ARROW_DOWN); // the first kind: Certifikat
        String preset = browser.text(By.id("apply-preset"));
        assertThat(preset).startsWith("Förvälj det som certifikat brukar visa enligt rutinen: ");
        List<String> preselected = List.of(preset.substring(preset.indexOf(": ") + 2).split(", "));
        assertThat(preselected).isNotEmpty().allSatisfy(m -> assertThat(offered).contains(m));
        keys.tabTo("title").type("ISO/IEC 27001-certifikat");
        keys.tabTo("issuer").type("Svensk Certifiering AB");
        keys.tabTo("apply-preset").press(Keys.ENTER);
        assertThat(browser.text(By.id("selected-count"))).isEqualTo(preselected.size() + " av " + offered.size() + " åtgärder valda");
        // one more, found by its number: the search hides the others (not the chosen ones)
        String extra = offered.stream().filter(m -> !preselected.contains(m)).findFirst().orElseThrow();
        keys.tabTo("measure-search").type(extra);
        long visible = browser.all(By.cssSelector("li[data-measure]")).stream().filter(li -> li.isDisplayed()).count();
        assertThat(visible).isEqualTo(preselected.size() + 1L);
        keys.tabTo("measure-choice-" + extra).press(Keys.SPACE);
        browser.screenshot("evidence-form");
        keys.tabTo("save");
        WebElement page = browser.find(By.tagName("html"));
        keys.press(Keys.ENTER);
        browser.waitUntilReplaced(page);

        assertThat(browser.path()).isEqualTo(service);
        assertThat(browser.text(By.cssSelector(".notice.success"))).isEqualTo("Underlaget är registrerat.");
        for (String measure : concat(preselected, extra)) {
            assertThat(browser.text(By.cssSelector("tr[id^='measure-" + measure + "-']"))).as("measure " + measure)
                    .contains("ISO/IEC 27001-certifikat");
        }
        // from the top of the page, by the skip link: a few dozen presses, where the old form took over a hundred
        assertThat(keys.presses).as("key presses (Tab, arrows, Enter, Space; typing a field counts once)").isLessThanOrEqualTo(40);
        LoggerFactory.getLogger(BrowserTest.class).info("Evidence form by keyboard: {} presses for {} measures on offer",
                keys.presses, offered.size());
    }

    private static List<String> concat(List<String> list, String one) {
        List<String> all = new java.util.ArrayList<>(list);
        all.add(one);
        return all;
    }

    /** A service registered through the form by the manager (signed in here): its path. */
    private static String registeredByManager(String name) {
        browser.signIn("manager").go("/services/new");
        browser.type(By.id("name"), name).type(By.id("vendor"), "Moln AB")
                .choose(By.id("serviceModel"), "SAAS").type(By.id("organisationUnit"), "Regionstyrelsen")
                .type(By.id("owner"), "Karin Holm").follow(By.id("save"));
        return browser.path();
    }

    /** Classifies the service shown through its form, once the live preview has settled. */
    private static void classifiedThroughTheForm(int confidentiality, int integrity, int availability) {
        browser.follow(By.linkText("Klassa informationen"));
        browser.choose(By.id("confidentiality"), Integer.toString(confidentiality))
                .choose(By.id("integrity"), Integer.toString(integrity)).choose(By.id("availability"), Integer.toString(availability));
        // each choice asks htmx for a preview; wait the swaps out before leaving the page
        browser.waitForText(By.id("preview"), "blir tillämpliga");
        browser.waitForText(By.id("preview"), "Anskaffa:");
        browser.follow(By.id("save"));
    }

    /** Keys sent to whatever has the focus, counted as a person would press them. */
    private static final class Keyboard {
        int presses;

        /** Tabs forward until the element with this id has the focus (each Tab a press). */
        Keyboard tabTo(String id) {
            for (int tab = 0; tab < 80; tab++) {
                if (id.equals(browser.driver().switchTo().activeElement().getAttribute("id"))) return this;
                press(Keys.TAB);
            }
            throw new AssertionError("Tab never reached #" + id);
        }

        // through the Actions API, as keys to the page: an element's sendKeys would take Tab on a file input for a file name
        Keyboard press(CharSequence key) {
            new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(key).perform();
            presses++;
            return this;
        }

        Keyboard type(String text) {
            new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(text).perform();
            presses++;
            return this;
        }
    }

    @Test
    void where_the_work_is_the_pages_count_the_current_phase_warn_of_expiry_explain_measure_24_and_name_the_fix() {
        String service = registeredByManager("Fynden i webbläsaren");
        classifiedThroughTheForm(2, 2, 2);

        // 8: measure 24 stays open after classifying, and the page says why and what closes it
        assertThat(browser.text(By.id("measure-24-why"))).contains("Åtgärd 24", "utvärdering");
        assertThat(browser.find(By.linkText("Registrera utvärderingen som underlag för åtgärd 24")).getAttribute("href"))
                .endsWith(service + "/evidence/new");

        // 6: a certificate with 42 days left is flagged where the work is: the service page and the register
        browser.go(service + "/evidence/new").choose(By.id("kind"), "CERTIFICATE");
        browser.click(By.id("apply-preset"));
        browser.type(By.id("title"), "ISO/IEC 27001-certifikat").type(By.id("issuer"), "Svensk Certifiering AB")
                .set(By.id("validUntil"), TODAY.plusDays(42).toString()).follow(By.id("save"));
        assertThat(browser.text(By.cssSelector(".notice.success"))).isEqualTo("Underlaget är registrerat.");
        assertThat(browser.text(By.cssSelector("section[aria-labelledby=evidence-heading] .badge-expiring"))).isEqualTo("Intyg går ut om 42 dagar");
        browser.go("/services?q=Fynden");
        String row = browser.text(By.xpath("//tr[td/a[.='Fynden i webbläsaren']]"));
        assertThat(row).contains("Intyg går ut om 42 dagar");

        // 2: the register's open count is the current phase's open measures on the service page; the others apart
        browser.go(service);
        long openInAcquisition = browser.all(By.cssSelector("tr[id$='-ACQUIRE'] .status")).stream()
                .filter(status -> List.of("Öppen", "Utgången").contains(status.getText())).count();
        assertThat(openInAcquisition).isPositive();
        browser.go("/services?q=Fynden");
        assertThat(browser.text(By.xpath("//tr[td/a[.='Fynden i webbläsaren']]/td[5]")))
                .startsWith(openInAcquisition + "\n").contains("(övriga faser: Förvalta ");
        // the dashboard's numbers lead to the services they count: every service behind "Förvalta" is in operation
        browser.go("/");
        String inOperation = browser.text(By.cssSelector("a[href='/services?phase=OPERATE'] span"));
        browser.follow(By.cssSelector("a[href='/services?phase=OPERATE']"));
        List<WebElement> rows = browser.all(By.cssSelector("table tbody tr"));
        assertThat(browser.text(By.cssSelector("p[role=status]"))).contains(" " + inOperation + " tjänster");
        assertThat(rows).hasSize(Math.min(Integer.parseInt(inOperation), 50)) // a page of the register is 50
                .allSatisfy(r -> assertThat(r.findElement(By.xpath("td[4]")).getText()).isEqualTo("Förvalta"));

        // 7: a refusal names the measure, the phase it belongs to and the fix, next to the form; nothing is recorded
        browser.go(service + "/risk-acceptance");
        assertThat(browser.text(By.cssSelector("#measureId option[value='2']"))).endsWith("(Förvalta)");
        browser.choose(By.id("measureId"), "2").choose(By.id("phase"), "ACQUIRE")
                .type(By.id("residualRisk"), "Ingen kundtjänst på svenska").type(By.id("motivation"), "Kundtjänsten är inte relevant.")
                .set(By.id("validUntil"), TODAY.plusYears(1).toString())
                .follow(By.cssSelector("form[action$='/risk-acceptance'] button[type=submit]"));
        assertThat(browser.text(By.id("problems"))).contains("Åtgärd 2 gäller bara fasen Förvalta; välj Förvalta eller ta bort åtgärd 2.");
        assertThat(browser.find(By.id("residualRisk")).getAttribute("value")).isEqualTo("Ingen kundtjänst på svenska");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%RiskAcceptance%'", Long.class, service.substring("/services/".length()))).isZero();
    }

    @Test
    void a_manager_proposes_a_residual_risk_and_the_risk_owner_approves_it_and_the_measure_becomes_risk_accepted() {
        String service = registeredByManager("Risk i webbläsaren");
        classifiedThroughTheForm(1, 1, 1);
        browser.follow(By.linkText("Föreslå att risken accepteras"));
        browser.choose(By.id("measureId"), "8").choose(By.id("phase"), "ACQUIRE")
                .type(By.id("residualRisk"), "Lösenordsregler kan inte styras").type(By.id("motivation"), "Tjänsten har ingen sådan inställning.")
                .set(By.id("validUntil"), TODAY.plusMonths(6).toString())
                .follow(By.cssSelector("form[action$='/risk-acceptance'] button[type=submit]"));
        assertThat(browser.text(By.cssSelector(".notice.success"))).contains("skickat till riskägaren");
        assertThat(browser.text(By.cssSelector("#measure-8-ACQUIRE"))).contains("Öppen");
        assertThat(browser.text(By.id("risk-proposals"))).contains("Lösenordsregler kan inte styras", "Väntar på riskägaren");

        browser.signOut().signIn("riskowner").go("/");
        browser.follow(By.id("pending-risk-proposals"));
        WebElement proposal = browser.find(By.xpath("//article[.//a[.='Risk i webbläsaren']]"));
        String id = proposal.getAttribute("id").substring("proposal-".length());
        assertThat(proposal.getText()).contains("åtgärd 8 i Anskaffa", "Lösenordsregler kan inte styras", "av manager");
        browser.type(By.id("note-" + id), "Godkänt till nästa upphandling").follow(By.id("approve-" + id));
        assertThat(browser.text(By.cssSelector(".notice.success"))).contains("Risken är accepterad");
        assertThat(browser.all(By.id("proposal-" + id))).isEmpty();

        browser.go(service);
        assertThat(browser.text(By.cssSelector("#measure-8-ACQUIRE"))).contains("Risk accepterad");
        assertThat(browser.text(By.xpath("//section[h2[@id='risk-heading']]"))).contains("riskowner",
                "godkände " + TODAY + "; föreslagen av manager", "Lösenordsregler kan inte styras", "Riskägaren: Godkänt till nästa upphandling");
        browser.signOut();
    }

    @Test
    void a_manager_links_a_service_naming_its_vendor_in_words_to_the_vendor_record_proposed_by_name() {
        browser.signIn("manager").go("/vendors/links");
        assertThat(Axe.violations(browser.driver())).as("the link page, by axe").isEmpty();
        WebElement row = browser.find(By.xpath("//tr[.//a[.='Lönesystem']]"));
        String service = row.getAttribute("id").substring("link-".length());
        assertThat(row.getText()).contains("Lönemolnet AB", "föreslagen efter namnet");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.find(By.id("vendor-" + service))).getFirstSelectedOption().getText())
                .as("the record whose name matches is chosen; nothing is linked yet").isEqualTo("Lönemolnet AB");
        browser.follow(By.id("confirm-" + service));
        assertThat(browser.text(By.cssSelector(".notice.success"))).isEqualTo("Tjänsten är kopplad till leverantören.");
        assertThat(browser.all(By.id("link-" + service))).isEmpty();

        browser.go("/services/" + service);
        assertThat(browser.text(By.id("vendor-record"))).isEqualTo("Lönemolnet AB");
        browser.follow(By.id("vendor-record"));
        assertThat(browser.text(By.id("vendor-services"))).contains("Lönesystem");
        browser.signOut().signIn("auditor").go("/audit?type=VendorLinked");
        assertThat(browser.text(By.tagName("main"))).contains("Kopplad till leverantören Lönemolnet AB: Bekräftad matchning på leverantörens namn");
        browser.signOut();
    }

    @Test
    void a_manager_records_a_certificate_once_at_the_vendor_adopts_it_on_a_service_and_sees_its_measure_covered() {
        browser.signIn("manager").go("/vendors/new");
        browser.type(By.id("name"), "Webbmoln AB").type(By.id("country"), "se").type(By.id("organisationNumber"), "556036-0793")
                .follow(By.id("register-vendor"));
        assertThat(browser.text(By.cssSelector(".notice.success"))).isEqualTo("Leverantören är registrerad.");
        String vendor = browser.path();
        browser.follow(By.id("record-vendor-evidence"));
        browser.type(By.id("title"), "ISO/IEC 27001-certifikat").type(By.id("issuer"), "Certifieringsorgan AB")
                .type(By.id("scope"), "Alla tjänster och datacenter i Sverige").set(By.id("receivedOn"), TODAY.minusDays(3).toString())
                .set(By.id("validUntil"), TODAY.plusYears(1).toString()).follow(By.id("save-vendor-evidence"));
        assertThat(browser.text(By.cssSelector(".notice.success"))).isEqualTo("Underlaget är registrerat hos leverantören.");
        assertThat(Axe.violations(browser.driver())).as("the vendor page, by axe").isEmpty();

        String service = registeredByManager("Underlag från leverantören");
        classifiedThroughTheForm(1, 1, 1);
        browser.choose(By.id("link-vendor"), browser.find(By.xpath("//select[@id='link-vendor']/option[.='Webbmoln AB']")).getAttribute("value"))
                .follow(By.id("link-vendor-button"));
        assertThat(browser.text(By.cssSelector(".notice.success"))).isEqualTo("Tjänsten är kopplad till leverantören.");
        assertThat(browser.text(By.cssSelector("#measure-27-ACQUIRE"))).contains("Öppen");
        browser.follow(By.id("adopt-vendor-evidence"));
        assertThat(Axe.violations(browser.driver())).as("the adoption form, by axe").isEmpty();
        browser.choose(By.id("vendorEvidenceId"), browser.find(By.xpath("//select[@id='vendorEvidenceId']/option[contains(., 'ISO/IEC 27001')]"))
                .getAttribute("value")).click(By.id("measure-choice-27")).follow(By.id("adopt"));
        assertThat(browser.text(By.cssSelector(".notice.success"))).isEqualTo("Leverantörens underlag är antaget för tjänsten.");
        assertThat(browser.path()).isEqualTo(service);
        assertThat(browser.text(By.cssSelector("#measure-27-ACQUIRE"))).contains("Uppfylld", "ISO/IEC 27001-certifikat");

        browser.go(vendor);
        assertThat(browser.text(By.id("vendor-evidence"))).contains("Giltigt", "Underlag från leverantören", "27/ACQUIRE");
        browser.signOut();
    }

    @Test
    void a_manager_assigns_an_open_measure_and_the_assignee_finds_it_under_my_tasks_and_marks_it_done() {
        String service = registeredByManager("Uppgift i webbläsaren");
        classifiedThroughTheForm(1, 1, 1);
        browser.follow(By.id("assign-27-ACQUIRE"));
        assertThat(browser.text(By.cssSelector("p.lead"))).isEqualTo("Åtgärd 27 i Anskaffa");
        browser.type(By.id("assignee"), "viewer").set(By.id("dueOn"), TODAY.plusDays(10).toString())
                .type(By.id("note"), "Begär ISO 27001-certifikatet").follow(By.id("assign"));
        assertThat(browser.text(By.cssSelector(".notice.success"))).isEqualTo("Uppgiften är tilldelad.");
        assertThat(browser.text(By.id("measure-27-ACQUIRE"))).contains("viewer, senast " + TODAY.plusDays(10));
        assertThat(browser.all(By.id("assign-27-ACQUIRE"))).as("one open task per measure").isEmpty();

        browser.signOut().signIn("viewer").go("/");
        browser.follow(By.linkText("Mina uppgifter"));
        WebElement task = browser.find(By.xpath("//article[.//a[.='Uppgift i webbläsaren']]"));
        assertThat(task.getText()).contains("åtgärd 27 i Anskaffa", TODAY.plusDays(10).toString(), "Begär ISO 27001-certifikatet",
                "manager");
        String id = task.getAttribute("id").substring("task-".length());
        browser.type(By.id("done-note-" + id), "Certifikatet är begärt").follow(By.id("done-" + id));
        assertThat(browser.text(By.cssSelector(".notice.success"))).isEqualTo("Uppgiften är klar.");
        assertThat(browser.path()).isEqualTo("/tasks");
        assertThat(browser.all(By.id("task-" + id))).isEmpty();
        browser.signOut().signIn("auditor").go(service);
        assertThat(browser.text(By.cssSelector("ol.timeline"))).contains("Uppgiften " + id + " klar " + TODAY + ": Certifikatet är begärt",
                "tilldelad viewer, klar senast " + TODAY.plusDays(10));
        browser.signOut();
    }

    @Test
    void a_manager_corrects_a_services_name_and_the_auditor_sees_each_name_at_its_moment() {
        TestClock.CLOCK.set(TODAY.atTime(8, 0, 10).atZone(BusinessDates.ZONE).toInstant());
        String service = registeredByManager("Felstavad tjänst");
        TestClock.CLOCK.set(TODAY.atTime(8, 30, 20).atZone(BusinessDates.ZONE).toInstant());
        browser.follow(By.linkText("Ändra uppgifterna"));
        assertThat(browser.find(By.id("name")).getAttribute("value")).isEqualTo("Felstavad tjänst");
        browser.type(By.id("name"), "Rättstavad tjänst").type(By.id("reason"), "Stavfel vid registreringen").follow(By.id("save"));
        assertThat(browser.text(By.cssSelector(".notice.success"))).isEqualTo("Ändringarna är sparade.");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Rättstavad tjänst");

        TestClock.CLOCK.set(TODAY.atTime(9, 0).atZone(BusinessDates.ZONE).toInstant());
        browser.signOut().signIn("auditor").go(service);
        List<WebElement> entries = browser.all(By.cssSelector("ol.timeline li"));
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).getText()).contains("08:30", "Namnet ändrades från \"Felstavad tjänst\" till \"Rättstavad tjänst\": Stavfel vid registreringen");
        // each moment of the timeline, given back, shows the name the service had then
        browser.follow(By.cssSelector("ol.timeline li:last-child a"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Felstavad tjänst");
        browser.go(service).follow(By.cssSelector("ol.timeline li:first-child a"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Rättstavad tjänst");
    }

    @Test
    void a_viewer_sees_no_write_controls() {
        browser.signIn("viewer").go("/services");
        assertThat(browser.all(By.linkText("Registrera en tjänst"))).isEmpty();
        List<String> services = browser.all(By.cssSelector("table tbody a")).stream().map(a -> a.getAttribute("href")).toList();
        assertThat(services).hasSizeGreaterThanOrEqualTo(12);
        for (String service : services.subList(0, 4)) {
            browser.driver().get(service);
            assertThat(browser.find(By.tagName("h1")).getText()).isNotBlank();
            assertThat(writeControls()).as(service).isEmpty();
            assertThat(browser.all(By.id("asOf"))).as("history is for auditors and managers").isEmpty();
        }
        browser.go("/audit");
        assertThat(browser.text(By.tagName("main"))).contains("Din roll får inte göra det här.");
    }

    @Test
    void the_language_switches_to_english_and_stays() {
        browser.signIn("auditor");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
        browser.follow(By.linkText("English"));
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Overview");
        browser.go("/catalogue");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Measure catalogue");
        browser.follow(By.linkText("Svenska"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Åtgärdskatalogen");
    }

    @Test
    void the_keyboard_reaches_the_content_first() {
        // labels, contrast and the width at 390 px on every page: EveryPageBrowserTest (axe-core)
        browser.signIn("manager");
        browser.find(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement first = browser.driver().switchTo().activeElement();
        assertThat(first.getAttribute("class")).isEqualTo("skip");
        assertThat(first.getAttribute("href")).endsWith("#main");
        browser.width(390, 844).go("/").screenshot("dashboard-phone");
    }

    @Test
    void an_auditor_filters_the_trail_verifies_the_chain_and_reads_the_catalogue() {
        browser.signIn("auditor").go("/audit");
        browser.choose(By.id("type"), "EvidenceReceived").follow(By.cssSelector("form[role=search] button[type=submit]"));
        List<WebElement> rows = browser.all(By.cssSelector("table tbody tr"));
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).contains("Underlag registrerat"));
        assertThat(browser.find(By.linkText("Exportera som CSV")).getAttribute("href")).contains("format=csv", "type=EvidenceReceived");
        browser.screenshot("audit-trail");

        browser.go("/audit/verification");
        String head = browser.text(By.id("head-hash"));
        assertThat(head).matches("[0-9a-f]{64}");
        browser.type(By.id("position"), browser.text(By.id("head-position"))).type(By.id("hash"), head)
                .follow(By.cssSelector("section[aria-labelledby=verify-heading] button[type=submit]"));
        assertThat(browser.text(By.id("verification-result"))).startsWith("Historiken är intakt");
        browser.screenshot("verification");

        browser.go("/catalogue");
        browser.choose(By.id("phase"), "EXIT").follow(By.cssSelector("form[role=search] button[type=submit]"));
        assertThat(browser.all(By.cssSelector("tbody tr"))).hasSizeBetween(1, 41);
        browser.screenshot("catalogue");

        browser.go("/services?q=Lönesystem").follow(By.linkText("Lönesystem"));
        browser.follow(By.linkText("Jämför två tidpunkter"));
        browser.set(By.id("from"), TODAY.minusDays(1).toString()).follow(By.cssSelector("form.inline button[type=submit]"));
        browser.waitForText(By.id("events-heading"), "Händelser däremellan");
        browser.screenshot("changes");
    }

    private String status(int measure, String phase) {
        return browser.text(By.cssSelector("#measure-" + measure + "-" + phase + " .status"));
    }

    /** Every control that would change something: POST forms other than signing out, and links to forms. */
    private List<String> writeControls() {
        List<String> controls = new java.util.ArrayList<>();
        for (WebElement form : browser.all(By.cssSelector("form[method=post]"))) {
            if (!form.getAttribute("action").endsWith("/logout")) controls.add(form.getAttribute("action"));
        }
        for (WebElement link : browser.all(By.cssSelector("a[href]"))) {
            String href = link.getAttribute("href");
            if (href.matches(".*/(new|classification|risk-acceptance|provider-change|termination|correction)$")) controls.add(href);
        }
        return controls;
    }
}
