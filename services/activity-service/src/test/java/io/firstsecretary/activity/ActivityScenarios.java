package io.firstsecretary.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firstsecretary.activity.directory.Directory;
import io.firstsecretary.activity.directory.DirectoryMember;
import io.firstsecretary.activity.directory.DirectoryProjector;
import io.firstsecretary.contracts.EventJson;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.contracts.activity.ActivityLogged;
import io.firstsecretary.contracts.organisation.BranchEstablished;
import io.firstsecretary.contracts.organisation.BureauRegistered;
import io.firstsecretary.contracts.organisation.FirstSecretaryAssigned;
import io.firstsecretary.contracts.organisation.FirstSecretaryRelieved;
import io.firstsecretary.contracts.organisation.MemberChanged;
import io.firstsecretary.contracts.organisation.MemberRegistered;
import io.firstsecretary.infra.testing.ApiClient;
import io.firstsecretary.infra.testing.ApiDocumentLint;
import io.firstsecretary.infra.testing.StoreCommands;
import io.firstsecretary.infra.testing.TestIssuer;
import io.firstsecretary.infra.testing.TopicProbe;
import io.firstsecretary.kit.store.StoreIndexes;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The activity service against a real broker and store; subclasses say which ones. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"firstsec.clock.fixed=2026-08-03T02:00:00Z", "firstsec.replica.catch-up-wait=2s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ActivityScenarios {

    /** Tokens come from a test issuer: the service checks them as it checks the identity service's. */
    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestIssuer.shared().properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    static final Duration WAIT = Duration.ofSeconds(30);
    static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Autowired
    Directory directory;

    ApiClient api;
    TopicProbe topics;
    String bureau;

    @BeforeEach
    void directory() {
        api = new ApiClient("http://127.0.0.1:" + port, TestIssuer.shared().operator());
        topics = new TopicProbe(bootstrapServers);
        bureau = "b" + UUID.randomUUID().toString().substring(0, 8);
        List<String> path = List.of("js", bureau);
        topics.publish(
                Events.BUREAU_REGISTERED,
                bureau,
                id(),
                bureau,
                new BureauRegistered(bureau, "测试局", "COUNTY", "js", path));
        topics.publish(
                Events.BRANCH_ESTABLISHED,
                bureau,
                id(),
                bureau,
                new BranchEstablished(bureau, path, "zgnf", "征管党支部", List.of("征收管理科")));
        for (String member : List.of("wangjun", "zhoumin")) {
            topics.publish(
                    Events.MEMBER_REGISTERED,
                    bureau,
                    id(),
                    bureau,
                    new MemberRegistered(
                            bureau,
                            path,
                            bureau + "-" + member,
                            member,
                            null,
                            null,
                            List.of("MEMBER"),
                            "zgnf",
                            null,
                            null));
        }
        topics.awaitConsumed("activity-service", Topics.ORGANISATION, WAIT);
    }

    @AfterEach
    void close() {
        topics.close();
    }

    @Test
    void logsAnActivityAndPublishesItOnce() {
        var response = api.post(activities(), lecture(bureau + "-wangjun"), "Idempotency-Key", "k-" + bureau);
        assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
        String id = response.body().get("id").asString();

        var again = api.post(activities(), lecture(bureau + "-wangjun"), "Idempotency-Key", "k-" + bureau);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asString()).isEqualTo(id);

        var other = api.post(activities(), lecture(bureau + "-zhoumin"), "Idempotency-Key", "k-" + bureau);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.body().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");

        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOf(id)).hasSize(1));
        var record = eventsOf(id).get(0);
        assertThat(record.key()).isEqualTo(bureau + "/zgnf");
        assertThat(TopicProbe.header(record, "ce_bureau")).contains(bureau);
        assertThat(TopicProbe.header(record, "ce_bureaupath")).contains("js/" + bureau);
        var payload = EventJson.read(record.value(), ActivityLogged.class);
        assertThat(payload.type()).isEqualTo("PARTY_LECTURE");
        assertThat(payload.occurredOn()).isEqualTo(LocalDate.of(2026, 7, 15));
    }

    @Test
    void whoDidItComesFromTheTokenUnlessTheOfficeRecordsOnBehalf() {
        String wangjun = bureau + "-wangjun";
        String zhoumin = bureau + "-zhoumin";
        var own = api.as(TestIssuer.shared().person(wangjun, bureau, "FIRST_SECRETARY"));
        var logged = own.post(activities(), lecture(wangjun));
        assertThat(logged.status()).as("%s", logged.body()).isEqualTo(201);
        assertThat(logged.body().get("recordedBy").asString()).isEqualTo(wangjun);
        String id = logged.body().get("id").asString();

        // A first secretary logs his own work, recorded by himself.
        assertProblem(own.post(activities(), lecture(zhoumin)), 422, "actor");
        assertProblem(own.post(activities(), recordedBy(lecture(wangjun), zhoumin)), 422, "recordedBy");

        // The office records on behalf: the record names whom it names, the event says who entered it.
        var office = api.as(TestIssuer.shared().office(bureau));
        var onBehalf = office.post(activities(), recordedBy(lecture(wangjun), zhoumin));
        assertThat(onBehalf.status()).as("%s", onBehalf.body()).isEqualTo(201);
        assertThat(onBehalf.body().get("recordedBy").asString()).isEqualTo(zhoumin);
        String behalfId = onBehalf.body().get("id").asString();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(TopicProbe.header(eventsOf(id).get(0), "ce_causedby")).contains(wangjun);
            assertThat(TopicProbe.header(eventsOf(behalfId).get(0), "ce_causedby"))
                    .contains(bureau + "-office");
        });

        // Another first secretary neither corrects nor voids it; another bureau does not see it.
        var colleague = api.as(TestIssuer.shared().person(zhoumin, bureau, "FIRST_SECRETARY"));
        assertThat(colleague.post(activities() + "/" + id + "/void", """
                        {"reason":"重复"}""").status())
                .isEqualTo(403);
        var stranger = api.as(TestIssuer.shared().office("x" + bureau));
        assertThat(stranger.get(activities() + "/" + id).status()).isEqualTo(404);
        assertThat(api.anonymous().get(activities() + "/" + id).status()).isEqualTo(401);

        var voided = own.post(activities() + "/" + id + "/void", """
                {"reason":"重复"}""");
        assertThat(voided.status()).as("%s", voided.body()).isEqualTo(200);
        assertThat(api.get(activities() + "/" + id + "/history").body().toString())
                .contains(wangjun);
    }

    private static String recordedBy(String activity, String member) {
        return activity.replaceFirst("\\{", "{\"recordedBy\":\"" + member + "\",");
    }

    @Test
    void membersAndFirstSecretariesAreCheckedAsOfTheActivitysDay() {
        List<String> path = List.of("js", bureau);
        topics.publish(
                Events.BRANCH_ESTABLISHED,
                bureau,
                id(),
                bureau,
                new BranchEstablished(bureau, path, "bgs", "办公室党支部", List.of("办公室")));
        transferZhouminToBgs(LocalDate.of(2026, 7, 10));
        assign("wangjun", "zgnf", LocalDate.of(2026, 7, 1));
        topics.awaitConsumed("activity-service", Topics.ORGANISATION, WAIT);

        String talk = """
                {"type":"TALK","branch":"%s","actor":"%s-wangjun","occurredOn":"%s","title":"谈心谈话",
                 "participants":["%s-zhoumin"]}""";
        assertThat(api.post(activities(), talk.formatted("zgnf", bureau, "2026-07-09", bureau))
                        .status())
                .isEqualTo(201);
        assertProblem(
                api.post(activities(), talk.formatted("zgnf", bureau, "2026-07-10", bureau)), 422, "participants[0]");
        var inNewBranch = api.post(activities(), talk.formatted("bgs", bureau, "2026-07-10", bureau));
        assertProblem(inNewBranch, 422, "actor");
        assertThat(inNewBranch.body().get("errors").values()).hasSize(1);

        String opinion = """
                {"type":"GUIDANCE_OPINION","branch":"zgnf","actor":"%s-%s","occurredOn":"%s","title":"指导意见"}""";
        assertThat(api.post(activities(), opinion.formatted(bureau, "wangjun", "2026-07-02"))
                        .status())
                .isEqualTo(201);
        assertProblem(api.post(activities(), opinion.formatted(bureau, "wangjun", "2026-06-30")), 422, "actor");
        assertProblem(api.post(activities(), opinion.formatted(bureau, "zhoumin", "2026-07-02")), 422, "actor");
    }

    /**
     * A branch's document carries its first-secretary terms, kept by each assignment and relief, so a
     * check reads the branch once; one replicated before it carried them reads them apart.
     */
    @Test
    void aBranchCarriesItsFirstSecretaryTermsAndAnOlderOneStillReadsThem() {
        List<String> path = List.of("js", bureau);
        String assignment = bureau + ":zgnf:2026-03-01";
        assign("wangjun", "zgnf", LocalDate.of(2026, 3, 1));
        topics.publish(
                Events.FIRST_SECRETARY_RELIEVED,
                bureau,
                id(),
                bureau,
                new FirstSecretaryRelieved(
                        bureau,
                        path,
                        assignment,
                        bureau + "-wangjun",
                        "zgnf",
                        LocalDate.of(2026, 3, 1),
                        LocalDate.of(2026, 6, 30),
                        "RELIEVED"));
        topics.awaitConsumed("activity-service", Topics.ORGANISATION, WAIT);
        var branch = Query.query(Criteria.where("_id").is(bureau + "/zgnf"));
        assertThat(mongo.findOne(branch, org.bson.Document.class, "directoryBranches")
                        .getList("terms", org.bson.Document.class))
                .extracting(t -> t.getString("from") + ".." + t.getString("to"))
                .containsExactly("2026-03-01..2026-06-30");

        String opinion = """
                {"type":"GUIDANCE_OPINION","branch":"zgnf","actor":"%s-wangjun","occurredOn":"%s","title":"指导意见"}""";
        for (boolean older : List.of(false, true)) {
            if (older) {
                mongo.updateFirst(branch, new Update().unset("terms"), "directoryBranches");
            }
            assertThat(api.post(activities(), opinion.formatted(bureau, "2026-06-30"))
                            .status())
                    .as(older ? "terms read apart" : "terms in the branch")
                    .isEqualTo(201);
            assertProblem(api.post(activities(), opinion.formatted(bureau, "2026-07-01")), 422, "actor");
        }
    }

    /**
     * A branch's document also carries its bureau's path and a copy of everyone who belongs or belonged
     * to it, kept by each member event, so the directory's part of a check is one read; a branch
     * replicated before it carried them reads the path and the members apart, with the same verdicts.
     */
    @Test
    void aCheckReadsOnlyTheBranchWhichCopiesItsMembersAndItsBureauPath() {
        List<String> path = List.of("js", bureau);
        transferZhouminToBgs(LocalDate.of(2026, 5, 1));
        topics.publish(
                Events.BRANCH_ESTABLISHED,
                bureau,
                id(),
                bureau,
                new BranchEstablished(bureau, path, "bgs", "办公室党支部", List.of("办公室")));
        assign("wangjun", "zgnf", LocalDate.of(2026, 4, 1));
        topics.awaitConsumed("activity-service", Topics.ORGANISATION, WAIT);
        var named = List.of(bureau + "-wangjun", bureau + "-zhoumin", "nobody");

        var members = new HashMap<String, DirectoryMember>();
        var commands = StoreCommands.shared().sentBy(() -> {
            var branch = directory.branch(bureau, "zgnf").orElseThrow();
            assertThat(branch.bureauPath()).containsExactly("js", bureau);
            members.putAll(directory.members(bureau, named, branch.members()));
        });
        assertThat(commands)
                .as("a copy of both, and a read for the unknown name")
                .containsExactly("find directoryBranches", "find directoryMembers");
        assertThat(members.get(bureau + "-zhoumin").memberOfOn("zgnf", LocalDate.of(2026, 4, 30)))
                .isTrue();
        assertThat(members.get(bureau + "-zhoumin").memberOfOn("zgnf", LocalDate.of(2026, 5, 1)))
                .as("the transfer reached the old branch's copy")
                .isFalse();
        var bgs = directory.branch(bureau, "bgs").orElseThrow();
        assertThat(bgs.members())
                .as("a branch established after its member moved in reads them apart")
                .isEmpty();
        assertThat(directory
                        .members(bureau, List.of(bureau + "-zhoumin"), bgs.members())
                        .get(bureau + "-zhoumin")
                        .memberOfOn("bgs", LocalDate.of(2026, 5, 1)))
                .isTrue();

        String talk = """
                {"type":"TALK","branch":"zgnf","actor":"%s-wangjun","occurredOn":"%s","title":"谈心谈话",
                 "participants":["%s-zhoumin"]}""";
        var branch = Query.query(Criteria.where("_id").is(bureau + "/zgnf"));
        for (boolean older : List.of(false, true)) {
            if (older) {
                mongo.updateFirst(branch, new Update().unset("members").unset("path"), "directoryBranches");
                assertThat(directory.branch(bureau, "zgnf").orElseThrow().bureauPath())
                        .isNull();
            }
            assertThat(api.post(activities(), talk.formatted(bureau, "2026-04-30", bureau))
                            .status())
                    .as(older ? "members read apart" : "members from the copy")
                    .isEqualTo(201);
            assertProblem(api.post(activities(), talk.formatted(bureau, "2026-05-01", bureau)), 422, "participants[0]");
        }
    }

    /**
     * An activity posted right after the assignment it depends on is never refused because the
     * directory replica has not read the assignment yet: the request waits for the replica (here
     * held back, then let go), and a replica still behind after the wait is a 503 with Retry-After.
     */
    @Test
    void aWriteThatDependsOnADirectoryChangeJustMadeWaitsForTheReplicaInsteadOfRefusing() throws Exception {
        var replica = listeners.getListenerContainer(DirectoryProjector.LISTENER);
        replica.pause();
        try {
            await().atMost(WAIT).until(replica::isContainerPaused);
            assign("zhoumin", "zgnf", LocalDate.of(2026, 2, 1));
            String opinion = """
                    {"type":"GUIDANCE_OPINION","branch":"zgnf","actor":"%s-zhoumin","occurredOn":"2026-02-15",
                     "title":"指导意见"}""".formatted(bureau);

            var behind = api.post(activities(), opinion);
            assertThat(behind.status()).as("%s", behind.body()).isEqualTo(503);
            assertThat(behind.contentType()).startsWith("application/problem+json");
            assertThat(behind.header("Retry-After")).contains("2");
            assertThat(behind.body().get("detail").asString()).contains("catching up");

            var waiting = CompletableFuture.supplyAsync(() -> api.post(activities(), opinion));
            await().atMost(WAIT)
                    .until(() -> meters.get("firstsec.replica.waiting").gauge().value() > 0);
            replica.resume();
            var accepted = waiting.get(30, TimeUnit.SECONDS);
            assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(201);
            assertThat(meters.get("firstsec.replica.catch.up")
                            .tag("outcome", "caught-up")
                            .timer()
                            .count())
                    .isPositive();
        } finally {
            replica.resume();
        }

        // a replica that has read everything refuses at once: zhoumin was not first secretary in January
        var refused = api.post(activities(), """
                {"type":"GUIDANCE_OPINION","branch":"zgnf","actor":"%s-zhoumin","occurredOn":"2026-01-15",
                 "title":"指导意见"}""".formatted(bureau));
        assertProblem(refused, 422, "actor");
    }

    @Test
    void correctionsAndVoidsAreEventsAndTheHistoryStaysReadable() {
        var logged = api.post(activities(), """
                {"type":"TALK","branch":"zgnf","actor":"%1$s-wangjun","occurredOn":"2026-07-01","title":"谈心",
                 "participants":["%1$s-zhoumin"]}""".formatted(bureau));
        assertThat(logged.status()).isEqualTo(201);
        String id = logged.body().get("id").asString();
        String base = activities() + "/" + id;

        assertProblem(api.post(base + "/corrections", "{\"reason\":\"没有变化\",\"title\":\"谈心\"}"), 422, "reason");
        assertProblem(
                api.post(base + "/corrections", "{\"reason\":\"改日期\",\"occurredOn\":\"2026-09-01\"}"),
                422,
                "occurredOn");
        assertProblem(
                api.post(base + "/corrections", "{\"reason\":\"x\",\"participants\":[\"ghost\"]}"),
                422,
                "participants[0]");
        var corrected = api.post(
                base + "/corrections", "{\"reason\":\"日期录错\",\"occurredOn\":\"2026-06-30\",\"title\":\"谈心谈话\"}");
        assertThat(corrected.status()).as("%s", corrected.body()).isEqualTo(200);
        assertThat(corrected.body().get("revision").asInt()).isEqualTo(1);
        assertThat(corrected.body().get("occurredOn").asString()).isEqualTo("2026-06-30");

        assertProblem(api.post(base + "/void", "{}"), 422, "reason");
        var voided = api.post(base + "/void", "{\"reason\":\"重复录入\"}");
        assertThat(voided.status()).isEqualTo(200);
        assertThat(voided.body().get("status").asString()).isEqualTo("VOIDED");
        assertProblem(api.post(base + "/void", "{\"reason\":\"再次\"}"), 409, "id");
        assertProblem(api.post(base + "/corrections", "{\"reason\":\"x\",\"title\":\"y\"}"), 409, "id");

        assertThat(api.get(base).body().get("voidReason").asString()).isEqualTo("重复录入");
        var history = new java.util.ArrayList<>(
                api.get(base + "/history").body().get("items").values());
        assertThat(history)
                .extracting(r -> r.get("revision").asInt() + " " + r.get("kind").asString() + " "
                        + r.get("record").get("occurredOn").asString())
                .containsExactly("0 LOGGED 2026-07-01", "1 CORRECTED 2026-06-30", "2 VOIDED 2026-06-30");
        assertThat(history.get(1).get("changed").values())
                .extracting(JsonNode::asString)
                .containsExactly("occurredOn", "title");
        assertThat(api.get(activities()).body().get("total").asLong()).isZero();
        assertThat(api.get(activities() + "?includeVoided=true")
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(1);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(topics.readAll(Topics.ACTIVITY).stream()
                                .filter(r -> r.key().equals(bureau + "/zgnf"))
                                .map(r -> TopicProbe.header(r, "ce_type").orElseThrow()))
                        .containsExactly(
                                Events.ACTIVITY_LOGGED.type(),
                                Events.ACTIVITY_CORRECTED.type(),
                                Events.ACTIVITY_VOIDED.type()));
    }

    @Test
    void attachmentsBackfillsExportsAndTheCalendar() throws Exception {
        byte[] minutes = "%PDF-1.4 会议记录".getBytes(StandardCharsets.UTF_8);
        var uploaded = upload("会议记录.pdf", "application/pdf", minutes);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String attachment = JSON.readTree(uploaded.body()).get("id").asString();
        assertThat(upload("tool.exe", "application/x-msdownload", minutes).statusCode())
                .isEqualTo(422);

        var talk = api.post(activities(), """
                {"type":"TALK","branch":"zgnf","actor":"%1$s-wangjun","occurredOn":"2026-07-02","title":"谈心",
                 "participants":["%1$s-zhoumin"],"attachments":["%2$s"]}""".formatted(bureau, attachment));
        assertThat(talk.status()).as("%s", talk.body()).isEqualTo(201);
        assertThat(talk.body().get("attachments").get(0).get("name").asString()).isEqualTo("会议记录.pdf");
        assertThat(talk.body().get("attachments").get(0).get("size").asLong()).isEqualTo(minutes.length);
        assertProblem(api.post(activities(), """
                {"type":"TALK","branch":"zgnf","actor":"%1$s-wangjun","occurredOn":"2026-07-02","title":"谈心",
                 "participants":["%1$s-zhoumin"],"attachments":["0123456789abcdef01234567"]}""".formatted(bureau)), 422, "attachments[0]");
        var download = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/attachments/" + attachment))
                                .header(
                                        "Authorization",
                                        "Bearer "
                                                + TestIssuer.shared().operator().get())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.body()).isEqualTo(minutes);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");

        var lastYear = api.post(activities(), """
                {"type":"THEMED_PARTY_DAY","branch":"zgnf","actor":"%1$s-zhoumin","occurredOn":"2025-12-20","title":"主题党日",
                 "attendees":["%1$s-zhoumin","%1$s-wangjun"],"recordedBy":"%1$s-zhoumin"}""".formatted(bureau));
        assertThat(lastYear.status()).as("%s", lastYear.body()).isEqualTo(201);
        assertThat(lastYear.body().get("backfilled").asBoolean()).isTrue();
        assertThat(lastYear.body().get("recordedBy").asString()).isEqualTo(bureau + "-zhoumin");

        var july = api.get(activities() + "/calendar?branch=zgnf&month=2026-07").body();
        assertThat(july.get("days").values())
                .extracting(d -> d.get("date").asString() + " "
                        + d.get("activities").get(0).get("type").asString())
                .containsExactly("2026-07-02 TALK");
        assertThat(api.get(activities() + "/calendar?branch=zgnf&month=July").status())
                .isEqualTo(422);
        assertThat(api.get(activities() + "?participant=" + bureau + "-wangjun")
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.get(activities() + "?actor=" + bureau + "-zhoumin")
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(1);

        var csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/export?format=csv&branch=zgnf"))
                                .header(
                                        "Authorization",
                                        "Bearer "
                                                + TestIssuer.shared().operator().get())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(csv.body().lines().toList())
                .hasSize(3)
                .first()
                .isEqualTo("id,type,branch,actor,occurredOn,title,participants,status,revision,loggedAt");
        var xlsx = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/export?format=xlsx&from=2026-01-01"))
                                .header(
                                        "Authorization",
                                        "Bearer "
                                                + TestIssuer.shared().operator().get())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        try (var workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheet("activities");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("TALK");
        }
        assertThat(api.get(activities() + "/export?format=pdf").status()).isEqualTo(422);
    }

    private String base() {
        return "http://127.0.0.1:" + port + activities();
    }

    private HttpResponse<String> upload(String name, String contentType, byte[] content) throws Exception {
        String boundary = "firstsec-" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(base() + "/attachments"))
                .header(
                        "Authorization",
                        "Bearer " + TestIssuer.shared().operator().get())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rejectsWhatTheDirectoryDoesNotKnowNamingTheField() {
        var unknownBranch = api.post(activities(), """
                {"type":"TALK","branch":"nope","actor":"%s-wangjun","occurredOn":"2026-07-01","title":"谈心"}""".formatted(bureau));
        assertProblem(unknownBranch, 422, "branch");
        var unknownActor = api.post(activities(), """
                {"type":"TALK","branch":"zgnf","actor":"ghost","occurredOn":"2026-07-01","title":"谈心"}""");
        assertProblem(unknownActor, 422, "actor");
        var unknownParticipant = api.post(activities(), """
                {"type":"TALK","branch":"zgnf","actor":"%s-wangjun","occurredOn":"2026-07-01","title":"谈心",
                 "participants":["%s-zhoumin","ghost"]}""".formatted(bureau, bureau));
        assertProblem(unknownParticipant, 422, "participants[1]");
        var future = api.post(activities(), """
                {"type":"TALK","branch":"zgnf","actor":"%s-wangjun","occurredOn":"2026-08-04","title":"谈心"}""".formatted(bureau));
        assertProblem(future, 422, "occurredOn");
        var missing = api.post(activities(), "{\"type\":\"TALK\"}");
        assertProblem(missing, 422, "actor");
        var unreadable = api.post(activities(), "{\"type\":\"TALK\",\"occurredOn\":\"yesterday\"}");
        assertProblem(unreadable, 400, "occurredOn");
        assertThat(api.post("/api/v1/bureaus/unknown/activities", lecture("x")).status())
                .isEqualTo(404);

        assertThat(api.get(activities()).body().get("total").asLong()).isZero();
    }

    @Test
    void aMalformedOrForgedEventIsDeadLetteredWithItsReasonAndThePartitionKeepsFlowing() {
        double before = deadLettered();
        var poison = topics.send(
                Topics.ORGANISATION,
                bureau,
                "{not json".getBytes(StandardCharsets.UTF_8),
                "ce_id",
                id(),
                "ce_source",
                Topics.source(Topics.ORGANISATION).orElseThrow(),
                "ce_type",
                Events.MEMBER_REGISTERED.type());
        var noEnvelope = topics.send(Topics.ORGANISATION, bureau, "{}".getBytes(StandardCharsets.UTF_8));
        List<String> path = List.of("js", bureau);
        var forged = topics.send(
                Topics.ORGANISATION,
                bureau,
                EventJson.write(new MemberRegistered(
                        bureau, path, bureau + "-forger", "forger", null, null, List.of("MEMBER"), "zgnf", null, null)),
                "ce_specversion",
                "1.0",
                "ce_id",
                id(),
                "ce_type",
                Events.MEMBER_REGISTERED.type(),
                "ce_source",
                "urn:firstsec:intruder",
                "ce_bureau",
                bureau);
        var valid = topics.publish(
                Events.MEMBER_REGISTERED,
                bureau,
                id(),
                bureau,
                new MemberRegistered(
                        bureau, path, bureau + "-late", "late", null, null, List.of("MEMBER"), "zgnf", null, null));
        assertThat(valid.partition()).isEqualTo(poison.partition());

        topics.awaitConsumed("activity-service", Topics.ORGANISATION, WAIT);
        var logged = api.post(activities(), lecture(bureau + "-late"));
        assertThat(logged.status()).as("%s", logged.body()).isEqualTo(201);

        var dead = topics.readAll(Topics.deadLetter("activity-service")).stream()
                .filter(r -> bureau.equals(r.key()))
                .toList();
        assertThat(dead).hasSize(3);
        assertThat(dead)
                .extracting(
                        r -> TopicProbe.header(r, "kafka_dlt-original-topic").orElseThrow())
                .containsOnly(Topics.ORGANISATION);
        assertThat(dead.stream()
                        .map(r -> java.nio.ByteBuffer.wrap(r.headers()
                                        .lastHeader("kafka_dlt-original-offset")
                                        .value())
                                .getLong())
                        .toList())
                .containsExactlyInAnyOrder(poison.offset(), noEnvelope.offset(), forged.offset());
        assertThat(dead.stream()
                        .map(r -> TopicProbe.header(r, "kafka_dlt-exception-message")
                                .orElse(""))
                        .filter(reason -> reason.contains("ce_source is urn:firstsec:intruder, not "
                                + Topics.source(Topics.ORGANISATION).orElseThrow())))
                .as("the forged record is dead-lettered with its reason")
                .hasSize(1);
        assertThat(directory.members(bureau, List.of(bureau + "-forger"), Map.of()))
                .as("what a forged record says is not acted on")
                .isEmpty();
        assertThat(deadLettered() - before).isEqualTo(3.0);
        assertThat(meters.get("firstsec.events.dead.lettered")
                        .tag("topic", Topics.ORGANISATION)
                        .tag("reason", "forged")
                        .counter()
                        .count())
                .isPositive();
    }

    @Test
    void aRedeliveredDirectoryEventChangesNothing() {
        List<String> path = List.of("js", bureau);
        String eventId = id();
        var member = new MemberRegistered(
                bureau, path, bureau + "-twice", "twice", null, null, List.of("MEMBER"), "zgnf", null, null);
        topics.publish(Events.MEMBER_REGISTERED, bureau, eventId, bureau, member);
        topics.publish(Events.MEMBER_REGISTERED, bureau, eventId, bureau, member);
        topics.awaitConsumed("activity-service", Topics.ORGANISATION, WAIT);

        var talk = api.post(activities(), """
                {"type":"TALK","branch":"zgnf","actor":"%s-wangjun","occurredOn":"2026-07-01","title":"谈心",
                 "participants":["%s-twice"]}""".formatted(bureau, bureau));
        assertThat(talk.status()).isEqualTo(201);
        var replica = mongo.findById(bureau + "-twice", org.bson.Document.class, "directoryMembers");
        assertThat(replica)
                .containsEntry("bureau", bureau)
                .containsEntry("branch", "zgnf")
                .containsEntry("name", "twice");
    }

    @Test
    void reportsHealthAndMetricsTheWayOperatorsExpect() {
        var management = new ApiClient("http://127.0.0.1:" + managementPort);
        var readiness = management.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.body().get("components").get("mongo").get("status").asString())
                .isEqualTo("UP");
        var consumers = readiness.body().get("components").get("consumers");
        assertThat(consumers.get("status").asString()).as("%s", consumers).isEqualTo("UP");
        assertThat(consumers
                        .get("details")
                        .get("listeners")
                        .get(DirectoryProjector.LISTENER)
                        .asString())
                .isEqualTo("joined");
        assertThat(management
                        .get("/actuator/health/liveness")
                        .body()
                        .get("status")
                        .asString())
                .isEqualTo("UP");
        assertThat(management.get("/actuator/prometheus").status())
                .as("metrics are the operator's")
                .isEqualTo(401);
        assertThat(management
                        .as(TestIssuer.shared().office(bureau))
                        .get("/actuator/prometheus")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/actuator/health/readiness").status())
                .as("the actuator is not on the service's own port")
                .isEqualTo(404);
        api.post(activities(), lecture(bureau + "-wangjun"));
        String metrics = scrape();
        assertThat(metrics).contains("kafka_consumer_", "mongodb_driver_", "http_server_requests_seconds");
    }

    private String scrape() {
        try {
            var request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                    .header(
                            "Authorization",
                            "Bearer " + TestIssuer.shared().operator().get())
                    .build();
            return java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> eventsOf(String activityId) {
        return topics.readAll(Topics.ACTIVITY, Events.ACTIVITY_LOGGED.type()).stream()
                .filter(r ->
                        EventJson.read(r.value(), ActivityLogged.class).id().equals(activityId))
                .toList();
    }

    private double deadLettered() {
        return meters.find("firstsec.events.dead.lettered").tag("topic", Topics.ORGANISATION).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count)
                .sum();
    }

    private String activities() {
        return "/api/v1/bureaus/" + bureau + "/activities";
    }

    private String lecture(String actor) {
        return """
                {"type":"PARTY_LECTURE","branch":"zgnf","actor":"%s","occurredOn":"2026-07-15","title":"专题党课",
                 "audience":["%s-zhoumin"]}""".formatted(actor, bureau);
    }

    /** Publishes that zhoumin moves from zgnf to bgs on {@code on}. */
    private void transferZhouminToBgs(LocalDate on) {
        topics.publish(
                Events.MEMBER_TRANSFERRED,
                bureau,
                id(),
                bureau,
                new MemberChanged(
                        bureau,
                        List.of("js", bureau),
                        bureau + "-zhoumin",
                        "zhoumin",
                        null,
                        null,
                        List.of("MEMBER"),
                        "bgs",
                        null,
                        null,
                        true,
                        on,
                        "zgnf",
                        null,
                        null));
    }

    /** Publishes that {@code member} is first secretary of {@code branch} from {@code from}. */
    private void assign(String member, String branch, LocalDate from) {
        topics.publish(
                Events.FIRST_SECRETARY_ASSIGNED,
                bureau,
                id(),
                bureau,
                new FirstSecretaryAssigned(
                        bureau,
                        List.of("js", bureau),
                        bureau + ":" + branch + ":" + from,
                        bureau + "-" + member,
                        member,
                        branch,
                        from,
                        null));
    }

    private static void assertProblem(ApiClient.Response response, int status, String field) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("errors").values())
                .extracting(e -> e.get("field").asString())
                .contains(field);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    /** The document integrators read says what the API does; logging answers 201. */
    @Test
    void theApiDocumentTellsTheTruth() {
        var document = api.get("/v3/api-docs");

        assertThat(ApiDocumentLint.problems(document.body(), "http://127.0.0.1:8080"))
                .isEmpty();
        assertThat(document.body()
                        .at("/paths/~1api~1v1~1bureaus~1{bureau}~1activities/post/responses")
                        .has("201"))
                .isTrue();
    }

    /** Read whole by design: GridFS asks whether an attachment bucket is empty before indexing it. */
    static final List<String> SCANS_BY_DESIGN = List.of("fs.files");

    @Autowired
    List<StoreIndexes> declaredIndexes;

    /**
     * Run last: every query shape the scenarios made the service send is served by an index it
     * declares (created at start-up), by the primary key, or is a scan by design; on MongoDB, the
     * plan of each is no collection scan.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyQueryTheServiceSendsHasAnIndex(
            @Autowired org.springframework.data.mongodb.core.MongoTemplate store,
            @Value("${firstsec.test.store:embedded}") String kind) {
        var declared = declaredIndexes.stream()
                .flatMap(d -> d.indexes().stream())
                .map(i -> new StoreCommands.Index(i.collection(), i.keys()))
                .toList();
        assertThat(StoreCommands.shared()
                        .unindexedOrScanned(declared, SCANS_BY_DESIGN, kind.equals("mongodb") ? store.getDb() : null))
                .isEmpty();
    }
}
