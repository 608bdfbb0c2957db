package se.molnkoll.pages;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import se.molnkoll.support.Axe;
import se.molnkoll.support.Browser;
import se.molnkoll.support.TestClock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.support.TestClock.TODAY;

/**
 * Every page, as every role, at a laptop's 1366×900 and a phone's 390×844: axe-core finds nothing
 * against WCAG 2.1 A and AA, and nothing is wider than the window (a wide table scrolls inside its
 * own focusable region instead). Pages a role may not use are visited too: the refusal is a page, the same
 * whatever was refused, so it is checked once per role and width.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "molnkoll.demo-data=true")
@ActiveProfiles("test")
@Import(TestClock.class)
class EveryPageBrowserTest {

    private static final List<String> ROLES = List.of("viewer", "manager", "auditor", "admin", "riskowner");
    private static final int[][] WIDTHS = {{1366, 900}, {390, 844}};

    static Browser browser;

    @BeforeAll
    static void openBrowser(@LocalServerPort int port) {
        browser = Browser.open(port);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void every_page_is_accessible_and_fits_the_window_for_every_role_at_both_widths() {
        TestClock.CLOCK.set(TODAY);
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> refused = new TreeMap<>();
        int runs = 0;
        for (int[] size : WIDTHS) {
            browser.width(size[0], size[1]);
            browser.driver().manage().deleteAllCookies();
            browser.go("/login");
            runs += check("signed out", "/login", size, problems);
            for (String role : ROLES) {
                browser.signIn(role);
                String service = serviceOf("Digitala", "Digitala vårdmöten");
                String inOperation = serviceOf("Lönesystem", "Lönesystem");
                String vendor = browser.go("/vendors").find(By.linkText("Nordmoln AB")).getAttribute("href").replaceFirst("^https?://[^/]+", "");
                boolean refusalChecked = false;
                for (String page : pages(service, inOperation, vendor)) {
                    browser.go(page);
                    boolean refusal = browser.text(By.tagName("main")).contains("Din roll får inte göra det här.");
                    if (refusal) {
                        refused.computeIfAbsent(role, r -> new TreeSet<>()).add(page.replace(service, "{service}"));
                    }
                    // the refusal page is the same whatever was refused: checked once per role and width
                    if (!refusal || !refusalChecked) {
                        runs += check(role, page, size, problems);
                        refusalChecked |= refusal;
                    }
                }
                if (role.equals("admin")) {
                    browser.go("/admin").screenshot("admin-" + size[0]);
                    assertThat(browser.text(By.tagName("h1"))).isEqualTo("Administration");
                }
            }
        }
        assertThat(problems).as("problems in " + runs + " page runs").isEmpty();
        // each role was shown its pages, and refused the others with the refusal page (also checked above)
        Set<String> auditing = Set.of("/audit", "/audit?type=EvidenceReceived", "/audit/verification",
                "{service}?asOf=2000-01-01", "{service}/changes?from=" + TODAY.minusDays(30));
        Set<String> managing = Set.of("/services/new", "/services/import", "{service}/classification", "{service}/evidence/new",
                "{service}/risk-acceptance", "{service}/provider-change", "{service}/termination", "{service}/correction",
                "{service}/tasks/new", "/vendors/new", "/vendors/links", "{service}/locations", "{service}/vendor-evidence");
        Set<String> administering = Set.of("/admin", "/admin/reviews", "/admin/countries");
        assertThat(refused.get("manager")).containsExactlyInAnyOrderElementsOf(administering);
        assertThat(refused.get("auditor")).containsExactlyInAnyOrderElementsOf(union(managing, administering));
        assertThat(refused.get("viewer")).containsExactlyInAnyOrderElementsOf(union(managing, auditing, administering));
        assertThat(refused.get("admin")).containsExactlyInAnyOrderElementsOf(union(managing, auditing));
        assertThat(refused.get("riskowner")).containsExactlyInAnyOrderElementsOf(union(managing, auditing, administering));
        // the sign-in page, and per role its pages and one refusal, at both widths
        assertThat(runs).isEqualTo(2 * (1 + refused.keySet().stream().mapToInt(role -> pages("s", "o", "v").size()
                - refused.get(role).size() + 1).sum()));
    }

    private static String serviceOf(String search, String name) {
        return browser.go("/services?q=" + search).find(By.linkText(name)).getAttribute("href").replaceFirst("^https?://[^/]+", "");
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> set : sets) all.addAll(set);
        return all;
    }

    /** The pages, on a service with evidence, a risk acceptance and documents, on another, and on a vendor (demo portfolio). */
    private static List<String> pages(String service, String inOperation, String vendor) {
        return List.of("/", "/services", "/services?q=moln", "/catalogue", "/catalogue?phase=EXIT", "/risks", "/tasks", "/reviews",
                "/audit", "/audit?type=EvidenceReceived", "/audit/verification", "/admin", "/admin/reviews", "/admin/countries",
                "/services/new", "/services/import", "/vendors", vendor, "/locations", "/locations?conflicts=true", "/vendors/new",
                "/vendors/links", service + "/locations", service + "/vendor-evidence",
                service, service + "?asOf=2000-01-01", service + "/classification", service + "/evidence/new",
                service + "/risk-acceptance", service + "/provider-change", service + "/termination", service + "/correction",
                service + "/tasks/new",
                service + "/changes?from=" + TODAY.minusDays(30), inOperation, "/services/00000000-0000-0000-0000-000000000000");
    }

    /** Checks the page the browser shows. */
    private int check(String who, String page, int[] size, List<String> problems) {
        String where = who + " on " + page + " at " + size[0] + " px: ";
        Number overflow = (Number) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth");
        if (overflow.intValue() > 0) {
            // name the outermost elements that stick out (inside a scrolling region is fine), so the fix is findable
            Object culprits = ((JavascriptExecutor) browser.driver()).executeScript(
                    "const out = e => e.getBoundingClientRect().right > window.innerWidth + 1;"
                            + "return [...document.querySelectorAll('body *')].filter(e => out(e) && !e.closest('.table-scroll')"
                            + " && !(e.parentElement && out(e.parentElement)))"
                            + ".slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                            + " + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().width) + 'px «'"
                            + " + e.textContent.trim().slice(0, 60) + '»')");
            problems.add(where + "the page is " + overflow + " px wider than the window: " + culprits);
            browser.screenshot("too-wide-" + size[0] + page.replaceAll("[^a-z0-9]+", "-"));
        }
        for (String violation : Axe.violations(browser.driver())) {
            problems.add(where + violation);
        }
        return 1;
    }
}
