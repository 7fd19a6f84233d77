package io.firstsecretary.e2e.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium, headless, driven by its own chromedriver (Debian's {@code chromium} and {@code
 * chromium-driver}); each instance is a fresh profile, so each person logs in for himself.
 */
final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1366, 900);
    static final Dimension PHONE = new Dimension(375, 812);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    final WebDriver driver;
    final WebDriverWait wait;

    private Browser(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Skips the test, saying why, where this machine has no Chromium or no chromedriver. */
    static void assumeAvailable() {
        Assumptions.assumeTrue(
                binary().isPresent() && driver().isPresent(),
                "No Chromium and chromedriver here (apt-get install chromium chromium-driver): the browser test is skipped");
    }

    static Browser open() {
        var options = new ChromeOptions();
        options.setBinary(binary().orElseThrow());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--lang=zh-CN",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driver().orElseThrow()).toFile())
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(DESKTOP);
        return new Browser(driver);
    }

    /** Opens the console and logs in at the identity service's form as {@code username}. */
    void logIn(String consoleUrl, String username, String password) {
        driver.get(consoleUrl + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.top")));
    }

    /**
     * Waits for a condition; if it never holds, keeps what the browser showed (the screenshot and the
     * page's HTML under {@code target/screenshots/failed-<name>.*}) for whoever reads the failure.
     */
    <T> T until(String name, java.util.function.Function<WebDriver, T> condition) {
        try {
            return wait.until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-" + name);
            try {
                Files.writeString(SCREENSHOTS.resolve("failed-" + name + ".html"), driver.getPageSource());
            } catch (IOException io) {
                e.addSuppressed(io);
            }
            throw e;
        }
    }

    void size(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Saves what the browser shows from the top of the page as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        ((ChromeDriver) driver).executeScript("window.scrollTo(0, 0)");
        try {
            Files.createDirectories(SCREENSHOTS);
            var file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How wide the page is drawn: wider than the window means a person must scroll sideways. */
    long pageWidth() {
        return ((Number) ((ChromeDriver) driver).executeScript("return document.documentElement.scrollWidth"))
                .longValue();
    }

    /** What the page's Content-Security-Policy refused so far, from the browser's console. */
    List<String> policyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static Optional<String> binary() {
        return firstExisting(System.getenv("CHROME_BIN"), BROWSERS);
    }

    private static Optional<String> driver() {
        return firstExisting(System.getenv("CHROMEDRIVER"), DRIVERS);
    }

    private static Optional<String> firstExisting(String configured, List<String> candidates) {
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(configured);
        }
        return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst();
    }
}
