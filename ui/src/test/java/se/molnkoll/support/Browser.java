package se.molnkoll.support;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * A real headless Chromium driven by Selenium: Debian's {@code chromium} and {@code chromium-driver},
 * with both paths set so that Selenium never tries to download a browser. Screenshots go to
 * {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = System.getProperty("molnkoll.test.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("molnkoll.test.chromedriver", "/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A browser 1280 px wide (the width the pages are designed for) against the application on this port. */
    public static Browser open(int port) {
        if (!new File(CHROMIUM).canExecute() || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Chromium and its driver: apt-get install -y chromium "
                    + "chromium-driver (looked for " + CHROMIUM + " and " + DRIVER + ")");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--lang=sv-SE", "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, "http://localhost:" + port);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public Browser signIn(String user) {
        driver.manage().deleteAllCookies();
        go("/login");
        type(By.id("username"), user);
        type(By.id("password"), user);
        follow(By.cssSelector("form.stack button[type=submit]"));
        return this;
    }

    public Browser signOut() {
        follow(By.cssSelector("form[action='/logout'] button"));
        return this;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public String text(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                return find(by).getText();
            } catch (StaleElementReferenceException swapped) {
                // htmx replaced the element between finding and reading it (a later answer arrived): find it again
                if (attempt == 5) {
                    throw swapped;
                }
            }
        }
    }

    public Browser type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Sets a date or time input the way a picker would (typing into them depends on the browser's locale). */
    public Browser set(By by, String value) {
        WebElement field = find(by);
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                field, value);
        return this;
    }

    public Browser choose(By select, String value) {
        new org.openqa.selenium.support.ui.Select(find(select)).selectByValue(value);
        return this;
    }

    public Browser click(By by) {
        find(by).click();
        return this;
    }

    /** Clicks what leads to another page (a link, a submit button) and waits until that page has replaced this one. */
    public Browser follow(By by) {
        WebElement page = find(By.tagName("html"));
        find(by).click();
        return waitUntilReplaced(page);
    }

    /** Waits until another page has replaced this one (found before the click, key or script that leaves it). */
    public Browser waitUntilReplaced(WebElement page) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ignored -> replaced(page));
        return this;
    }

    /**
     * Whether the page has been replaced. Selenium's stalenessOf, except that Chromium sometimes answers
     * "Node with given id does not belong to the document" instead of "stale" while the next page loads.
     */
    private static boolean replaced(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) return true;
            throw e;
        }
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    public Browser width(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /** The whole page (as tall as its content) as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Dimension before = driver.manage().window().getSize();
            Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(height.intValue() + 120, 8000)));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            driver.manage().window().setSize(before);
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("Could not save the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
