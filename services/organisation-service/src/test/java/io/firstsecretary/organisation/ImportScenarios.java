package io.firstsecretary.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firstsecretary.contracts.Topics;
import io.firstsecretary.infra.testing.ApiClient;
import io.firstsecretary.infra.testing.ApiDocumentLint;
import io.firstsecretary.infra.testing.TestIssuer;
import io.firstsecretary.infra.testing.TopicProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bulk import of an organisation from CSV files and XLSX workbooks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ImportScenarios {

    /** Tokens come from a test issuer: the service checks them as it checks the identity service's. */
    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestIssuer.shared().properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    static final Duration WAIT = Duration.ofSeconds(60);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    ApiClient api;
    TopicProbe topics;
    String bureau;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://127.0.0.1:" + port, TestIssuer.shared().operator());
        topics = new TopicProbe(bootstrapServers);
        bureau = "im" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/bureaus", """
                        {"code":"%s","name":"测试市局","level":"MUNICIPAL"}""".formatted(bureau)).status()).isEqualTo(201);
    }

    @AfterEach
    void close() {
        topics.close();
    }

    @Test
    void csvSheetsImportOnceAndARepeatChangesNothing() {
        String branches = """
                code,name,divisions
                zgnf,征管和纳税服务党支部,征收管理科;纳税服务科
                bgs,"办公室党支部",办公室
                """;
        String groups = """
                branch,code,name
                zgnf,g1,第一党小组
                """;
        String members = """
                id,name,email,phone,roles,branch,partyGroup,joinedPartyOn
                %1$s-1,王军,wj@js-tax.example,13900000001,COMMITTEE_MEMBER,zgnf,,1995-07-01
                %1$s-2,周敏,,,BRANCH_SECRETARY,zgnf,,
                %1$s-3,李华,,,GROUP_LEADER;BRANCH_COMMITTEE,zgnf,g1,2010-05-04
                %1$s-4,陈静,,,,bgs,,
                """.formatted(bureau);
        String terms = """
                member,branch,from,to
                %s-1,zgnf,2026-01-01,
                """.formatted(bureau);

        var dryRun = csv("branches", branches, true);
        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(counts(dryRun.body())).containsExactly(2, 0, 0);
        assertThat(dryRun.body().get("changes").values())
                .extracting(c -> c.get("row").asInt() + " " + c.get("key").asString() + " "
                        + c.get("name").asString() + " " + c.get("outcome").asString())
                .containsExactly("2 zgnf 征管和纳税服务党支部 CREATED", "3 bgs 办公室党支部 CREATED");
        assertThat(api.get("/api/v1/bureaus/" + bureau + "/branches")
                        .body()
                        .get("total")
                        .asLong())
                .isZero();

        assertThat(counts(csv("branches", branches, false).body())).containsExactly(2, 0, 0);
        assertThat(counts(csv("party-groups", groups, false).body())).containsExactly(1, 0, 0);
        assertThat(counts(csv("members", members, false).body())).containsExactly(4, 0, 0);
        assertThat(counts(csv("first-secretaries", terms, false).body())).containsExactly(1, 0, 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(events()).hasSize(1 + 2 + 1 + 4 + 1));

        assertThat(counts(csv("branches", branches, false).body())).containsExactly(0, 0, 2);
        assertThat(counts(csv("party-groups", groups, false).body())).containsExactly(0, 0, 1);
        assertThat(counts(csv("members", members, false).body())).containsExactly(0, 0, 4);
        assertThat(counts(csv("first-secretaries", terms, false).body())).containsExactly(0, 0, 1);

        String changed = members.replace("%s-4,陈静,,,,bgs,,".formatted(bureau), "%s-4,陈静,,,,zgnf,g1,".formatted(bureau));
        var review = csv("members", changed, true).body();
        assertThat(counts(review)).containsExactly(0, 1, 3);
        assertThat(review.get("changes").get(0).get("key").asString()).isEqualTo(bureau + "-4");
        assertThat(review.get("changes").get(0).get("outcome").asString()).isEqualTo("UPDATED");
        assertThat(counts(csv("members", changed, false).body())).containsExactly(0, 1, 3);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(events())
                        .extracting(r -> TopicProbe.header(r, "ce_type").orElseThrow())
                        .endsWith("firstsec.organisation.member-transferred.v1")
                        .hasSize(10));
        var branch = api.get("/api/v1/bureaus/" + bureau + "/branches/zgnf").body();
        assertThat(branch.get("secretary").get("id").asString()).isEqualTo(bureau + "-2");
        assertThat(branch.get("partyGroups").get(0).get("leader").get("id").asString())
                .isEqualTo(bureau + "-3");
        assertThat(branch.get("partyGroups").get(0).get("size").asInt()).isEqualTo(2);
        assertThat(branch.get("firstSecretary").get("member").asString()).isEqualTo(bureau + "-1");
    }

    @Test
    void aFileWithErrorsWritesNothingAndNamesEveryBadCell() {
        String members = """
                id,name,email,phone,roles,branch,partyGroup,joinedPartyOn
                %1$s-1,王军,,,,zgnf,,
                %1$s-2,,not-an-email,,BOSS,zgnf,,
                %1$s-3,李华,,,GROUP_LEADER,zgnf,,
                %1$s-4,陈静,,,,zgnf,,31/12/2001
                """.formatted(bureau);
        csv("branches", "code,name\nzgnf,征管党支部\n", false);

        var result = csv("members", members, false);
        assertThat(result.status()).isEqualTo(422);
        assertThat(result.contentType()).startsWith("application/problem+json");
        assertThat(result.body().get("errors").values())
                .extracting(e -> e.get("row").asInt() + ":" + e.get("field").asString())
                .containsExactly("3:roles", "4:roles", "5:joinedPartyOn");
        assertThat(api.get("/api/v1/bureaus/" + bureau + "/members")
                        .body()
                        .get("total")
                        .asLong())
                .isZero();
        // A later write's event arrives after anything the failed import could have published.
        csv("branches", "code,name\nbgs,办公室党支部\n", false);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(events())
                        .extracting(r -> TopicProbe.header(r, "ce_type").orElseThrow())
                        .containsExactly(
                                "firstsec.organisation.bureau-registered.v1",
                                "firstsec.organisation.branch-established.v1",
                                "firstsec.organisation.branch-established.v1"));

        var unknown = csv("teams", "code\nx\n", false);
        assertThat(unknown.status()).isEqualTo(422);
        var badHeader = csv("members", "id,name,shoeSize\nx,y,42\n", false);
        assertThat(badHeader.status()).isEqualTo(422);
        assertThat(badHeader.body().get("errors").get(0).get("field").asString())
                .isEqualTo("header");
    }

    @Test
    void theDemoWorkbookImportsTheNantongSystem() throws IOException {
        bureau = "nantong";
        assertThat(api.post("/api/v1/bureaus", """
                        {"code":"nantong","name":"国家税务总局南通市税务局","level":"MUNICIPAL"}""").status()).isEqualTo(201);
        byte[] workbook;
        try (var in = getClass().getResourceAsStream("/demo/nantong.xlsx")) {
            workbook = in.readAllBytes();
        }
        var dryRun = xlsx(workbook, true);
        assertThat(dryRun.status()).as("%s", dryRun.body()).isEqualTo(200);
        assertThat(dryRun.body().get("errors").values()).isEmpty();
        assertThat(dryRun.body().get("created").asInt()).isEqualTo(8 + 83 + 166 + 1350 + 83);

        var imported = xlsx(workbook, false);
        assertThat(imported.status()).as("%s", imported.body()).isEqualTo(200);
        String importId = imported.body().get("id").asString();
        var progress =
                api.get("/api/v1/bureaus/" + bureau + "/imports/" + importId).body();
        assertThat(progress.get("status").asString()).isEqualTo("DONE");
        assertThat(progress.get("processed").asInt())
                .isEqualTo(progress.get("total").asInt());

        var all = api.get("/api/v1/bureaus/" + bureau + "/first-secretaries?includeDescendants=true&size=500");
        assertThat(all.body().get("total").asInt()).isEqualTo(83);
        var city = api.get("/api/v1/bureaus/" + bureau + "/first-secretaries");
        assertThat(city.body().get("total").asInt()).isEqualTo(11);
        assertThat(api.get("/api/v1/bureaus?under=" + bureau)
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(9);

        var again = xlsx(workbook, false);
        assertThat(again.body().get("unchanged").asInt()).isEqualTo(8 + 83 + 166 + 1350 + 83);
        assertThat(again.body().get("created").asInt()
                        + again.body().get("updated").asInt())
                .isZero();
    }

    private List<ConsumerRecord<String, byte[]>> events() {
        return topics.readAll(Topics.ORGANISATION).stream()
                .filter(r -> bureau.equals(r.key()))
                .toList();
    }

    private static List<Integer> counts(JsonNode result) {
        return List.of(
                result.get("created").asInt(),
                result.get("updated").asInt(),
                result.get("unchanged").asInt());
    }

    private ApiClient.Response csv(String sheet, String body, boolean dryRun) {
        return send("/imports/" + sheet + "?dryRun=" + dryRun, "text/csv", HttpRequest.BodyPublishers.ofString(body));
    }

    private ApiClient.Response xlsx(byte[] workbook, boolean dryRun) {
        return send(
                "/imports?dryRun=" + dryRun,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                HttpRequest.BodyPublishers.ofByteArray(workbook));
    }

    /** POSTs to the bureau's {@code path}; {@code headers} are name, value pairs. */
    private ApiClient.Response send(
            String path, String contentType, HttpRequest.BodyPublisher body, String... headers) {
        var builder = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/bureaus/" + bureau + path))
                .header(
                        "Authorization",
                        "Bearer " + TestIssuer.shared().operator().get())
                .header("Content-Type", contentType)
                .timeout(Duration.ofMinutes(3))
                .POST(body);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        var request = builder.build();
        try {
            var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    JSON.readTree(response.body()),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A person watching a progress bar: the rows are checked in the request and applied after the answer. */
    @Test
    void anImportThatPrefersToRespondAsyncIsAppliedAfterA202() {
        String branches = """
                code,name,divisions
                hy1,第一党支部,办公室
                hy2,第二党支部,人事科
                hy3,第三党支部,征管科
                """;
        var started = send(
                "/imports/branches",
                "text/csv",
                HttpRequest.BodyPublishers.ofString(branches),
                "Prefer",
                "respond-async");
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().get("total").asInt()).isEqualTo(3);
        String id = started.body().get("id").asString();

        var done = await().atMost(WAIT)
                .until(
                        () -> api.get("/api/v1/bureaus/" + bureau + "/imports/" + id)
                                .body(),
                        progress -> !progress.get("status").asString().equals("RUNNING"));
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(List.of(done.get("processed").asInt(), done.get("created").asInt()))
                .containsExactly(3, 3);
        assertThat(api.get("/api/v1/bureaus/" + bureau + "/branches")
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(3);

        var refused = send(
                "/imports/branches",
                "text/csv",
                HttpRequest.BodyPublishers.ofString("code,name,divisions\nhy4,,办公室\n"),
                "Prefer",
                "respond-async");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(api.get("/api/v1/bureaus/" + bureau + "/imports")
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    /** The document integrators read says what the API does: each CSV sheet has a path of its own. */
    @Test
    void theApiDocumentTellsTheTruth() {
        var document = api.get("/v3/api-docs");

        assertThat(ApiDocumentLint.problems(document.body(), "http://127.0.0.1:8080"))
                .isEmpty();
        assertThat(document.body().path("paths").has("/api/v1/bureaus/{bureau}/imports/members"))
                .isTrue();
        assertThat(document.body().path("paths").has("/api/v1/bureaus/{bureau}/imports/{sheet}"))
                .isFalse();
    }
}
