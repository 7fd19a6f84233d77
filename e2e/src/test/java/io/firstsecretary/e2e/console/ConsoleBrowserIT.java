package io.firstsecretary.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firstsecretary.infra.platform.PlatformOptions;
import io.firstsecretary.infra.platform.RunningPlatform;
import io.firstsecretary.infra.testing.ApiClient;
import io.firstsecretary.infra.testing.PlatformCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The console in a real browser, as its people use it: a first secretary of the city bureau logs
 * in, logs his half-year lecture through the form with an attachment and sees the duty turn 已完成
 * without a reload; the city's party-building office sees his matrix cell turn green and his
 * month's score rise. At desktop and at phone width, with screenshots in {@code target/screenshots}.
 */
class ConsoleBrowserIT {

    private static final String TODAY = "2026-08-03";
    private static final String HALF = "2026-H2";
    private static final String CITY = "nantong";

    @TempDir
    static Path data;

    static RunningPlatform platform;
    static ApiClient api;
    static JsonNode users;

    @BeforeAll
    static void startPlatform() {
        Browser.assumeAvailable();
        platform = RunningPlatform.start(PlatformOptions.onFreePorts(
                Path.of(".."), data, true, Map.of("FIRSTSEC_CLOCK_FIXED", TODAY + "T02:00:00Z")));
        var credentials = PlatformCredentials.of(platform);
        api = new ApiClient(platform.gatewayUrl(), credentials.operator());
        users = await().atMost(Duration.ofSeconds(120)).until(credentials::users, u -> u.size() >= 194);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aFirstSecretaryLogsALectureAndTheOfficeSeesItCounted() throws Exception {
        var secretary = firstSecretaryWithAnOpenLecture();
        var office = user(CITY, "PARTY_BUILDING_OFFICE");
        String fs = secretary.path("member").asString();

        double scoreBefore;
        try (var browser = Browser.open()) {
            browser.logIn(
                    platform.gatewayUrl(),
                    office.path("username").asString(),
                    office.path("password").asString());
            browser.driver.get(platform.gatewayUrl() + "/office/matrix");
            assertThat(cell(browser, fs).getAttribute("data-colour")).isNotEqualTo("green");
            scoreBefore = score(browser, fs);
        }

        try (var browser = Browser.open()) {
            browser.logIn(
                    platform.gatewayUrl(),
                    secretary.path("username").asString(),
                    secretary.path("password").asString());
            assertThat(browser.driver.getCurrentUrl()).endsWith("/duties");
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("2026年度职责");
            var card = lectureCard(browser);
            assertThat(card.findElement(By.cssSelector(".status")).getText()).isEqualTo("待完成");
            assertThat(card.getText()).contains("截止 2026年12月31日");

            card.findElement(By.cssSelector("a.record")).click();
            var form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.record")));
            assertThat(form.findElement(By.name("title")).getAttribute("value")).isEqualTo("专题党课辅导");
            assertThat(form.findElement(By.name("occurredOn")).getAttribute("value"))
                    .isEqualTo(TODAY);
            var people = form.findElements(By.name("participants"));
            assertThat(people).hasSizeGreaterThan(3);
            people.subList(0, 3).forEach(WebElement::click);
            form.findElement(By.name("notes")).sendKeys("学习贯彻党的二十届四中全会精神");
            var attachment = Files.writeString(data.resolve("党课讲稿.txt"), "专题党课讲稿：以高质量党建引领税收现代化。");
            form.findElement(By.name("attachments"))
                    .sendKeys(attachment.toAbsolutePath().toString());
            browser.driver
                    .findElement(By.cssSelector("form.record button[type=submit]"))
                    .click();

            browser.until("lecture-met", d -> "MET".equals(lectureCard(browser).getAttribute("data-state")));
            assertThat(lectureCard(browser)
                            .findElement(By.cssSelector(".status"))
                            .getText())
                    .isEqualTo("已完成");
            assertThat(browser.driver.findElement(By.id("flash")).getText()).contains("已登记");
            browser.screenshot("duties-desktop");

            var logged = api.get("/api/v1/bureaus/" + CITY + "/activities?actor=" + fs + "&type=PARTY_LECTURE")
                    .body()
                    .path("items")
                    .get(0);
            assertThat(logged.path("attachments").get(0).path("name").asString())
                    .isEqualTo("党课讲稿.txt");
            assertThat(logged.path("participants").size()).isEqualTo(3);

            browser.size(Browser.PHONE);
            browser.driver.navigate().refresh();
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".duty")));
            assertThat(lectureCard(browser).getAttribute("data-state")).isEqualTo("MET");
            assertThat(browser.pageWidth()).isLessThanOrEqualTo(Browser.PHONE.width);
            browser.screenshot("duties-phone");
        }

        try (var browser = Browser.open()) {
            browser.logIn(
                    platform.gatewayUrl(),
                    office.path("username").asString(),
                    office.path("password").asString());
            browser.driver.get(platform.gatewayUrl() + "/office/matrix");
            assertThat(cell(browser, fs).getAttribute("data-colour")).isEqualTo("green");
            browser.screenshot("matrix-desktop");
            assertThat(score(browser, fs)).isGreaterThan(scoreBefore);
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ranking-chart canvas")));
            browser.screenshot("rankings-desktop");
            browser.size(Browser.PHONE);
            browser.driver.navigate().refresh();
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ranking-chart canvas")));
            assertThat(browser.pageWidth()).isLessThanOrEqualTo(Browser.PHONE.width);
            browser.screenshot("rankings-phone");
        }
    }

    /**
     * An integrator at the office reads the API in Swagger UI, signs in with "Authorize" at the
     * identity service and tries an operation, all through the gateway's address.
     */
    @Test
    void theOfficeTriesTheApiInSwaggerUi() {
        var office = user(CITY, "PARTY_BUILDING_OFFICE");
        try (var browser = Browser.open()) {
            browser.logIn(
                    platform.gatewayUrl(),
                    office.path("username").asString(),
                    office.path("password").asString());
            browser.driver.get(platform.gatewayUrl() + "/api-docs");
            browser.until(
                    "api-docs-loaded",
                    d -> d.findElements(By.cssSelector(".opblock")).size() > 10);
            assertThat(browser.driver
                            .findElement(By.cssSelector(".info .title"))
                            .getText())
                    .contains("organisation API");

            browser.driver
                    .findElement(By.cssSelector(".auth-wrapper .authorize"))
                    .click();
            var flow = browser.until(
                    "api-docs-authorize",
                    d -> d.findElements(By.cssSelector(".modal-ux .auth-container")).stream()
                            .filter(c -> c.getText().contains("authorizationCode"))
                            .findFirst()
                            .orElse(null));
            flow.findElement(By.cssSelector("button.authorize")).click();
            browser.until(
                    "api-docs-authorized",
                    d -> !d.findElements(By.cssSelector(".modal-ux button[aria-label='Remove authorization']"))
                            .isEmpty());
            browser.driver.findElement(By.cssSelector(".modal-ux .close-modal")).click();

            var bureaus = browser.driver.findElement(
                    By.xpath("//div[contains(@class,'opblock-get')][.//*[@data-path='/api/v1/bureaus']]"));
            bureaus.findElement(By.cssSelector(".opblock-summary-control")).click();
            browser.until("api-docs-try", d -> bureaus.findElement(By.cssSelector(".try-out__btn")))
                    .click();
            bureaus.findElement(By.cssSelector("button.execute")).click();
            var status =
                    browser.until(
                            "api-docs-answer",
                            d -> bureaus
                                    .findElements(
                                            By.cssSelector(".live-responses-table tr.response .response-col_status"))
                                    .stream()
                                    .map(WebElement::getText)
                                    .filter(text -> !text.isBlank())
                                    .findFirst()
                                    .orElse(null));
            assertThat(status).startsWith("200");
            assertThat(bureaus.findElement(
                                    By.cssSelector(".live-responses-table tr.response .response-col_description"))
                            .getText())
                    .contains(CITY);
            assertThat(browser.policyViolations()).isEmpty();
            browser.screenshot("api-docs-desktop");
        }
    }

    /** The office adds a branch with the import wizard: upload, review the diff, apply, watch it finish. */
    @Test
    void theOfficeImportsABranchThroughTheWizard() throws Exception {
        var office = user(CITY, "PARTY_BUILDING_OFFICE");
        var csv = Files.writeString(data.resolve("支部.csv"), "code,name,divisions\nwizard9,机关第九党支部,办公室\n");
        try (var browser = Browser.open()) {
            browser.logIn(
                    platform.gatewayUrl(),
                    office.path("username").asString(),
                    office.path("password").asString());
            browser.driver.get(platform.gatewayUrl() + "/office/imports");
            new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.name("sheet")))
                    .selectByValue("branches");
            browser.driver
                    .findElement(By.name("file"))
                    .sendKeys(csv.toAbsolutePath().toString());
            browser.driver
                    .findElement(By.cssSelector("form.record button[type=submit]"))
                    .click();

            var change = browser.until("import-review", d -> d.findElement(By.cssSelector("table.changes tbody tr")));
            assertThat(change.getText()).contains("wizard9", "机关第九党支部", "新增");
            browser.screenshot("import-review-desktop");
            browser.driver.findElement(By.cssSelector("form button.primary")).click();

            browser.until(
                    "import-done",
                    d -> "DONE".equals(d.findElement(By.id("import")).getAttribute("data-status")));
            assertThat(browser.driver
                            .findElement(By.cssSelector("dd[data-count=created]"))
                            .getText())
                    .isEqualTo("1");
            browser.screenshot("import-done-desktop");
        }
        assertThat(api.get("/api/v1/bureaus/" + CITY + "/branches/wizard9")
                        .body()
                        .path("name")
                        .asString())
                .isEqualTo("机关第九党支部");
    }

    /** The office's settings pages, each read from the running platform, drawn within the page's policy. */
    @Test
    void theOfficesSettingsPagesShowWhatTheBureauHas() {
        var office = user(CITY, "PARTY_BUILDING_OFFICE");
        var pages = new java.util.LinkedHashMap<String, String>();
        pages.put("/office/catalogue", "职责目录");
        pages.put("/office/scoring-policy", "计分办法");
        pages.put("/office/reminder-policy", "提醒规则");
        pages.put("/office/webhooks", "订阅推送");
        pages.put("/office/clients", "系统对接客户端");
        try (var browser = Browser.open()) {
            browser.logIn(
                    platform.gatewayUrl(),
                    office.path("username").asString(),
                    office.path("password").asString());
            for (var page : pages.entrySet()) {
                browser.driver.get(platform.gatewayUrl() + page.getKey());
                assertThat(browser.driver.findElement(By.tagName("h1")).getText())
                        .as(page.getKey())
                        .isEqualTo(page.getValue());
            }
            browser.driver.get(platform.gatewayUrl() + "/office/catalogue");
            assertThat(browser.driver.findElements(By.cssSelector("table tbody tr")))
                    .hasSizeGreaterThan(5);
            browser.screenshot("catalogue-desktop");
            browser.driver.get(platform.gatewayUrl() + "/office/clients");
            assertThat(browser.driver.getPageSource()).contains(CITY + "-office");
            browser.size(Browser.PHONE);
            browser.driver.navigate().refresh();
            assertThat(browser.pageWidth()).isLessThanOrEqualTo(Browser.PHONE.width);
            browser.screenshot("clients-phone");
            assertThat(browser.policyViolations()).isEmpty();
        }
    }

    /** A city first secretary with a demo login whose lecture of the half is still to give. */
    private static JsonNode firstSecretaryWithAnOpenLecture() {
        var open = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> api.get("/api/v1/bureaus/" + CITY + "/obligations?duty=PARTY_LECTURE&period=" + HALF
                                        + "&status=OPEN")
                                .body()
                                .path("items"),
                        items -> items.size() > 0);
        for (var obligation : open) {
            for (var user : users) {
                if (user.path("member")
                        .asString()
                        .equals(obligation.path("assignee").asString())) {
                    return user;
                }
            }
        }
        throw new AssertionError("No city first secretary with a login has an open lecture in " + HALF);
    }

    private static JsonNode user(String bureau, String role) {
        for (var user : users) {
            if (user.path("bureau").asString().equals(bureau)) {
                for (var r : user.path("roles")) {
                    if (r.asString().equals(role)) {
                        return user;
                    }
                }
            }
        }
        throw new AssertionError("No demo login with " + role + " in " + bureau);
    }

    private static WebElement lectureCard(Browser browser) {
        return browser.driver.findElement(By.cssSelector(".duty[data-duty=PARTY_LECTURE][data-period='" + HALF + "']"));
    }

    private static WebElement cell(Browser browser, String assignee) {
        return browser.driver.findElement(By.cssSelector(
                "tr[data-assignee='" + assignee + "'] td[data-duty=PARTY_LECTURE][data-period='" + HALF + "']"));
    }

    /** The first secretary's score in this month's ranking, 0 while he has none. */
    private static double score(Browser browser, String assignee) {
        browser.driver.get(platform.gatewayUrl() + "/office/rankings?kind=monthly");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h2")));
        var rows = browser.driver.findElements(By.cssSelector("tr[data-assignee='" + assignee + "']"));
        return rows.isEmpty() ? 0 : Double.parseDouble(rows.get(0).getAttribute("data-score"));
    }
}
