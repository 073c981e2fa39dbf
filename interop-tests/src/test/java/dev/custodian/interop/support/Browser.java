package dev.custodian.interop.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@value #CHROMIUM}) driven through Debian's
 * {@value #CHROMEDRIVER} over WebDriver: a fresh profile under {@code dir}, no sandbox (the tests
 * run as root), no background network, 1280 × 900 unless resized. Waits poll the page (never a
 * sleep) for at most {@link #WAIT}; a failed wait names what it waited for and shows the page's text.
 */
public final class Browser implements AutoCloseable {
    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser start(Path dir) throws IOException {
        for (String program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(program))) {
                throw new AssertionError(program + " is missing: install the chromium and chromium-driver packages");
            }
        }
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--user-data-dir=" + profile,
                "--window-size=1280,900", "--lang=en-US");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
                .withLogFile(dir.resolve("chromedriver.log").toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        return new Browser(driver);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    /** The window's inner width and height, for a narrow (phone-like) or a desk view. */
    public Browser size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /** Waits until {@code condition} gives a non-null, non-false value; returns it. */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT, Duration.ofMillis(100)).withMessage(what).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what + "; the page shows:\n" + text()
                    + "\nbrowser console:\n" + console(), e);
        }
    }

    /** Waits for the first visible element matching {@code css} whose text contains {@code text}. */
    public WebElement awaitText(String css, String text) {
        return await(css + " showing \"" + text + "\"", d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.isDisplayed() && e.getText().contains(text)).findFirst().orElse(null));
    }

    /** Waits for a visible element matching {@code css}. */
    public WebElement awaitVisible(String css) {
        return await(css + " visible", d -> d.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** What the page wrote to the browser's console (errors included) since the last call. */
    public String console() {
        try {
            StringBuilder b = new StringBuilder();
            driver.manage().logs().get("browser").forEach(e -> b.append(e.getLevel()).append(' ').append(e.getMessage())
                    .append('\n'));
            return b.toString();
        } catch (RuntimeException e) {
            return "(no console log: " + e.getMessage() + ")";
        }
    }

    public String text() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return driver.getPageSource();
        }
    }

    /** Writes a PNG of the window to {@code target} (its folder created). */
    public void screenshot(Path target) throws IOException {
        Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
