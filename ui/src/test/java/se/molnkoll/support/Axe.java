package se.molnkoll.support;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deque's axe-core run inside the page the browser shows, against WCAG 2.1 levels A and AA. The script
 * is the {@code axe.min.js} that Deque ships in its Selenium artifact; it is injected into each page
 * because the application's Content-Security-Policy concerns the application's own scripts, not the
 * test driver's.
 */
public final class Axe {

    private static final List<String> WCAG_21_A_AND_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final String SCRIPT = load();

    private Axe() {
    }

    /** The violations on the page now shown, one line each: rule, impact and the elements it found. */
    public static List<String> violations(WebDriver driver) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(SCRIPT);
        Object answer = js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                        + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
                        + " nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + n.failureSummary)}))))"
                        + ".catch(e => done([{id: 'axe-error', impact: 'error', nodes: [String(e)]}]));",
                WCAG_21_A_AND_AA);
        List<String> violations = new ArrayList<>();
        for (Object item : (List<?>) answer) {
            Map<?, ?> violation = (Map<?, ?>) item;
            violations.add(violation.get("id") + " (" + violation.get("impact") + "): " + violation.get("nodes"));
        }
        return violations;
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
