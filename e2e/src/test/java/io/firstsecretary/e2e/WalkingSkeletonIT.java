package io.firstsecretary.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firstsecretary.infra.platform.PlatformOptions;
import io.firstsecretary.infra.platform.RunningPlatform;
import io.firstsecretary.infra.testing.ApiClient;
import io.firstsecretary.infra.testing.OAuthClient;
import io.firstsecretary.infra.testing.PlatformCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Starts the platform the way {@code make run} does (on free ports and a temporary data
 * directory, with the clock fixed to 3 August 2026) and drives the first secretary's core flow
 * through the gateway.
 */
class WalkingSkeletonIT {

    private static final String TODAY = "2026-08-03";

    @TempDir
    static Path data;

    static RunningPlatform platform;
    static ApiClient api;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start(PlatformOptions.onFreePorts(
                Path.of(".."),
                data,
                true,
                Map.of("FIRSTSEC_CLOCK_FIXED", TODAY + "T02:00:00Z", "FIRSTSEC_NOTIFICATION_DIGEST_INTERVAL", "PT2S")));
        api = new ApiClient(
                platform.gatewayUrl(), PlatformCredentials.of(platform).operator());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void eachDemoBureauConnectsWithItsOwnCredentialsAndReachesOnlyItsSubtree() throws Exception {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var file = platform.credentialsFile();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            assertThat(file).exists();
            var read = json.readTree(java.nio.file.Files.readString(file));
            assertThat(read.path("clients").has("qidong")).isTrue();
            assertThat(read.path("users").size()).isGreaterThanOrEqualTo(83 + 83 + 28);
        });
        var credentials = json.readTree(java.nio.file.Files.readString(file));
        assertThat(credentials.path("issuer").asString()).isEqualTo(platform.issuer());
        var oauth = new OAuthClient(platform.issuer());
        var chongchuan = api.as(oauth.tokens(
                credentials.at("/clients/chongchuan/clientId").asString(),
                credentials.at("/clients/chongchuan/clientSecret").asString()));
        var nantong = api.as(oauth.tokens(
                credentials.at("/clients/nantong/clientId").asString(),
                credentials.at("/clients/nantong/clientSecret").asString()));

        assertThat(api.anonymous().get("/api/v1/bureaus/chongchuan/clients").status())
                .isEqualTo(401);
        var anonymous = api.anonymous().get("/api/v1/bureaus/nantong/members");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        chongchuan.get("/api/v1/bureaus/chongchuan/members").status() == 200);
        assertThat(chongchuan.get("/api/v1/bureaus/nantong/members").status()).isEqualTo(404);
        assertThat(chongchuan.get("/api/v1/bureaus/tongzhou/members").status()).isEqualTo(404);
        assertThat(chongchuan.get("/api/v1/bureaus/tongzhou/obligations").status())
                .isEqualTo(404);
        assertThat(nantong.get("/api/v1/bureaus/chongchuan/members").status()).isEqualTo(200);
        assertThat(nantong.get("/api/v1/bureaus/chongchuan/obligations").status())
                .isEqualTo(200);
        assertThat(chongchuan.get("/api/v1/bureaus/chongchuan/clients").status())
                .isEqualTo(200);
        assertThat(chongchuan.get("/api/v1/bureaus/nantong/clients").status()).isEqualTo(404);
        assertThat(chongchuan.get("/api/v1/bureaus/tongzhou/clients").status()).isEqualTo(404);
        assertThat(nantong.get("/api/v1/bureaus/chongchuan/clients").status()).isEqualTo(200);
    }

    @Test
    void aLectureMeetsTheHalfYearDutyAndCancelsItsReminders() {
        created(api.post("/api/v1/bureaus", """
                {"code":"nt","name":"国家税务总局南通市税务局","level":"MUNICIPAL"}"""));
        created(api.post("/api/v1/bureaus/nt/branches", """
                {"code":"zgnf","name":"征管和纳税服务党支部","divisions":["征收管理科","纳税服务科"]}"""));
        created(api.post("/api/v1/bureaus/nt/members", """
                {"id":"wangjun","name":"王军","email":"wangjun@nt.example","roles":["COMMITTEE_MEMBER"],
                 "branch":"zgnf","joinedPartyOn":"1995-07-01"}"""));
        created(api.post("/api/v1/bureaus/nt/members", """
                {"id":"zhoumin","name":"周敏","roles":["BRANCH_SECRETARY"],"branch":"zgnf"}"""));
        created(api.post("/api/v1/bureaus/nt/first-secretaries", """
                {"member":"wangjun","branch":"zgnf","from":"2026-01-01"}"""));

        // The activity service learns the directory from events, so the first secretary posted a moment
        // ago may not have reached its replica yet: it waits for the replica rather than refuse the record.
        String lecture = """
                {"type":"PARTY_LECTURE","branch":"zgnf","actor":"wangjun","occurredOn":"2026-07-15",
                 "title":"学习贯彻党的二十届四中全会精神专题党课","participants":["zhoumin"]}""";
        var logged = api.post("/api/v1/bureaus/nt/activities", lecture, "Idempotency-Key", "lecture-2026-h2");
        created(logged);
        String activityId = logged.body().get("id").asString();

        // 4 quarters × 4 quarterly duties (the bureau's review included) + 2 halves × 2 + 6 yearly duties.
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                items(api.get("/api/v1/bureaus/nt/obligations?assignee=wangjun&year=2026&size=100")))
                        .hasSize(4 * 4 + 2 * 2 + 6));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode lectureDuty = find(
                    items(api.get("/api/v1/bureaus/nt/obligations?assignee=wangjun&year=2026")),
                    "duty",
                    "PARTY_LECTURE",
                    "period",
                    "2026-H2");
            assertThat(lectureDuty.get("status").asString()).isEqualTo("MET");
            assertThat(lectureDuty.get("dueOn").asString()).isEqualTo("2026-12-31");
            assertThat(lectureDuty.get("evidence").values())
                    .extracting(JsonNode::asString)
                    .containsExactly(activityId);
        });
        JsonNode firstHalf = find(
                items(api.get("/api/v1/bureaus/nt/obligations?assignee=wangjun&year=2026")),
                "duty",
                "PARTY_LECTURE",
                "period",
                "2026-H1");
        assertThat(firstHalf.get("status").asString()).isEqualTo("OVERDUE");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<JsonNode> reminders =
                    items(api.get("/api/v1/bureaus/nt/reminders?recipient=wangjun&stage=DUE_SOON&size=500"));
            List<JsonNode> lectureReminders = reminders.stream()
                    .filter(r -> r.get("duty").asString().equals("PARTY_LECTURE")
                            && r.get("period").asString().equals("2026-H2"))
                    .toList();
            assertThat(lectureReminders)
                    .extracting(r -> r.get("stage").asString() + "@"
                            + r.get("scheduledFor").asString() + ":"
                            + r.get("status").asString())
                    .containsExactlyInAnyOrder(
                            "DUE_SOON@2026-12-17T01:00:00Z:CANCELLED", "DUE_SOON@2026-12-28T01:00:00Z:CANCELLED");
            JsonNode research = find(reminders, "duty", "FOUR_TRUE_RESEARCH", "period", "2026-Q3");
            assertThat(research.get("status").asString()).isEqualTo("SCHEDULED");
            assertThat(research.get("channels").values())
                    .extracting(JsonNode::asString)
                    .contains("EMAIL");
        });

        // 3 August 2026 is a Monday: after 08:30 the first secretary's weekly digest of what is open then
        // reaches the platform's mailbox, once.
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(platform.mail().received().stream()
                                .filter(m -> recipient(m).equals("wangjun@nt.example"))
                                .map(WalkingSkeletonIT::subject))
                        .singleElement()
                        .asString()
                        .matches("【第一书记工作提醒】本周待办\\d+项"));

        // Replaying the request returns the same activity and logs nothing new.
        var replay = api.post("/api/v1/bureaus/nt/activities", lecture, "Idempotency-Key", "lecture-2026-h2");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body().get("id").asString()).isEqualTo(activityId);
        assertThat(items(api.get("/api/v1/bureaus/nt/activities?branch=zgnf"))).hasSize(1);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        var response = api.post("/api/v1/bureaus", """
                {"code":"bad code","name":"","level":"MUNICIPAL"}""");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("errors").values())
                .extracting(e -> e.get("field").asString())
                .containsExactly("code", "name");
        assertThat(api.get("/api/v1/bureaus/bad%20code").status()).isEqualTo(404);
    }

    @Test
    void theDemoOrganisationIsLoadedOnAnEmptyStore() {
        var all = api.get("/api/v1/bureaus/nantong/first-secretaries?includeDescendants=true&size=500");
        assertThat(all.body().get("total").asInt()).isEqualTo(83);
        assertThat(api.get("/api/v1/bureaus/nantong/first-secretaries")
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(11);
        assertThat(items(api.get("/api/v1/bureaus?under=nantong")))
                .extracting(b -> b.get("code").asString())
                .contains(
                        "nantong", "chongchuan", "tongzhou", "haimen", "rudong", "rugao", "haian", "qidong", "kaifaqu");
    }

    @Test
    void replicasFollowTransfersReassignmentsAndDissolutions() {
        String base = "/api/v1/bureaus/yz";
        created(api.post("/api/v1/bureaus", """
                {"code":"yz","name":"测试区税务局","level":"DISTRICT"}"""));
        for (String branch : List.of("zgnf", "bgs", "xc")) {
            created(api.post(base + "/branches", """
                    {"code":"%s","name":"%s党支部"}""".formatted(branch, branch)));
        }
        created(api.post(base + "/members", """
                {"id":"yz-fs1","name":"王军","roles":["COMMITTEE_MEMBER"],"branch":"zgnf"}"""));
        created(api.post(base + "/members", """
                {"id":"yz-fs2","name":"赵强","roles":["COMMITTEE_MEMBER"],"branch":"bgs"}"""));
        created(api.post(base + "/members", """
                {"id":"yz-m","name":"陈静","branch":"zgnf"}"""));
        created(api.post(base + "/members", """
                {"id":"yz-x","name":"孙丽","branch":"xc"}"""));
        created(api.post(base + "/first-secretaries", """
                {"member":"yz-fs1","branch":"zgnf","from":"2026-01-01"}"""));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(items(api.get(base + "/obligations?assignee=yz-fs1&year=2026")))
                        .hasSize(4 * 4 + 2 * 2 + 6));

        // The first secretary is relieved at the end of June and another takes over in July.
        assertThat(api.post(base + "/first-secretaries/yz:zgnf:2026-01-01/relieve", """
                        {"on":"2026-06-30"}""")
                        .status())
                .isEqualTo(200);
        created(api.post(base + "/first-secretaries", """
                {"member":"yz-fs2","branch":"zgnf","from":"2026-07-01"}"""));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            // Half a year is less than half the year: the term keeps only its quarters and first half.
            List<JsonNode> first = items(api.get(base + "/obligations?assignee=yz-fs1&year=2026"));
            assertThat(first).extracting(o -> o.get("period").asString()).containsOnly("2026-Q1", "2026-Q2", "2026-H1");
            assertThat(find(first, "duty", "GUIDANCE_OPINION", "period", "2026-Q2")
                            .get("status")
                            .asString())
                    .isEqualTo("OVERDUE");
            List<JsonNode> second = items(api.get(base + "/obligations?assignee=yz-fs2&year=2026"));
            assertThat(second)
                    .extracting(o -> o.get("period").asString())
                    .doesNotContain("2026-Q1", "2026-Q2", "2026-H1");
            assertThat(second).hasSize(2 * 4 + 2 + 6);
        });
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                items(api.get(base + "/reminders?recipient=yz-fs1&stage=DUE_SOON&size=500")))
                        .isNotEmpty()
                        .allSatisfy(r -> assertThat(r.get("status").asString()).isEqualTo("CANCELLED")));

        // Work done by the new first secretary counts; the old one's after the term does not.
        var lecture = api.post(base + "/activities", """
                {"type":"PARTY_LECTURE","branch":"zgnf","actor":"yz-fs2","occurredOn":"2026-07-20","title":"专题党课",
                 "audience":["yz-fs1"]}""");
        assertThat(lecture.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(find(
                                        items(api.get(base + "/obligations?assignee=yz-fs2&year=2026")),
                                        "duty",
                                        "PARTY_LECTURE",
                                        "period",
                                        "2026-H2")
                                .get("status")
                                .asString())
                        .isEqualTo("MET"));

        // A transferred member is found in the new branch; a dissolved branch and a member who left take no new work.
        assertThat(api.post(base + "/members/yz-m/transfer", """
                        {"branch":"bgs","on":"2026-07-10"}""").status()).isEqualTo(200);
        var beforeDissolution = api.post(base + "/activities", """
                {"type":"THEMED_PARTY_DAY","branch":"xc","actor":"yz-x","occurredOn":"2026-07-30","title":"主题党日",
                 "attendees":["yz-x"]}""");
        assertThat(beforeDissolution.status())
                .as("%s", beforeDissolution.body())
                .isEqualTo(201);
        assertThat(api.post(base + "/members/yz-x/transfer", """
                        {"branch":"bgs","on":"2026-07-31"}""").status()).isEqualTo(200);
        assertThat(api.post(base + "/branches/xc/dissolve", """
                        {"on":"2026-07-31"}""").status()).isEqualTo(200);
        assertThat(api.post(base + "/members/yz-fs1/leave", """
                        {"on":"2026-07-31","reason":"调离"}""").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var inDissolved = api.post(base + "/activities", """
                    {"type":"THEMED_PARTY_DAY","branch":"xc","actor":"yz-x","occurredOn":"2026-08-01","title":"主题党日",
                     "attendees":["yz-x"]}""");
            assertThat(inDissolved.status()).isEqualTo(422);
            assertThat(inDissolved.body().get("errors").get(0).get("field").asString())
                    .isEqualTo("branch");
            var byLeaver = api.post(base + "/activities", """
                    {"type":"TALK","branch":"bgs","actor":"yz-fs1","occurredOn":"2026-08-02","title":"谈心谈话",
                     "participants":["yz-m"]}""");
            assertThat(byLeaver.status()).isEqualTo(422);
            assertThat(byLeaver.body().get("errors").get(0).get("field").asString())
                    .isEqualTo("actor");
        });
        var talk = api.post(base + "/activities", """
                {"type":"TALK","branch":"bgs","actor":"yz-fs2","occurredOn":"2026-08-02","title":"谈心谈话",
                 "participants":["yz-m"]}""");
        assertThat(talk.status()).as("%s", talk.body()).isEqualTo(201);
    }

    @Test
    void everyTypeOfActivityIsRecordedAndCounts() {
        String base = "/api/v1/bureaus/ev";
        created(api.post("/api/v1/bureaus", """
                {"code":"ev","name":"全类型测试局","level":"COUNTY"}"""));
        created(api.post(base + "/branches", """
                {"code":"zgnf","name":"征管党支部"}"""));
        created(api.post(base + "/branches/zgnf/party-groups", """
                {"code":"g1","name":"第一党小组"}"""));
        created(api.post(base + "/members", """
                {"id":"ev-fs","name":"王军","roles":["COMMITTEE_MEMBER"],"branch":"zgnf"}"""));
        created(api.post(base + "/members", """
                {"id":"ev-sec","name":"周敏","roles":["BRANCH_SECRETARY"],"branch":"zgnf"}"""));
        created(api.post(base + "/members", """
                {"id":"ev-a","name":"李华","roles":["GROUP_LEADER"],"branch":"zgnf","partyGroup":"g1"}"""));
        created(api.post(base + "/first-secretaries", """
                {"member":"ev-fs","branch":"zgnf","from":"2026-01-01"}"""));
        String day = "\"occurredOn\":\"2026-07-20\"";
        List<String> activities = List.of(
                "{\"type\":\"GUIDANCE_OPINION\",\"actor\":\"ev-fs\"," + day + ",\"title\":\"指导意见\"}",
                "{\"type\":\"REPORT_HEARING\",\"actor\":\"ev-fs\"," + day + ",\"title\":\"听取汇报\"}",
                "{\"type\":\"PARTY_LECTURE\",\"actor\":\"ev-sec\",\"lecturer\":\"ev-fs\",\"audience\":[\"ev-sec\",\"ev-a\"],"
                        + day + ",\"title\":\"专题党课\"}",
                "{\"type\":\"ORG_LIFE_MEETING\",\"actor\":\"ev-sec\",\"attendees\":[\"ev-fs\",\"ev-sec\"],\"absentees\":[\"ev-a\"],"
                        + day + ",\"title\":\"组织生活会\"}",
                "{\"type\":\"SUPERVISION_INSPECTION\",\"actor\":\"ev-fs\",\"findings\":[\"记录不全\"],\"rectificationDeadline\":\"2026-09-30\","
                        + day + ",\"title\":\"督导检查\"}",
                "{\"type\":\"EXPERIENCE_SUMMARY\",\"actor\":\"ev-fs\",\"promotionLevel\":\"MUNICIPAL\"," + day
                        + ",\"title\":\"成功经验\"}",
                "{\"type\":\"FOUR_TRUE_RESEARCH\",\"actor\":\"ev-fs\"," + day + ",\"title\":\"四真调研\"}",
                "{\"type\":\"ANNUAL_COMMITMENT\",\"actor\":\"ev-fs\",\"commitmentItems\":[{\"code\":\"c1\",\"text\":\"每季度调研一次\"}],"
                        + day + ",\"title\":\"年初承诺\"}",
                "{\"type\":\"YEAR_END_REPORT\",\"actor\":\"ev-fs\",\"itemOutcomes\":[{\"item\":\"c1\",\"outcome\":\"ACHIEVED\"}],"
                        + day + ",\"title\":\"年底述职\"}",
                "{\"type\":\"TALK\",\"actor\":\"ev-fs\",\"participants\":[\"ev-a\"]," + day + ",\"title\":\"谈心谈话\"}",
                "{\"type\":\"BRANCH_GENERAL_MEETING\",\"actor\":\"ev-sec\",\"attendees\":[\"ev-sec\",\"ev-a\"]," + day
                        + ",\"title\":\"支部党员大会\"}",
                "{\"type\":\"BRANCH_COMMITTEE_MEETING\",\"actor\":\"ev-sec\",\"attendees\":[\"ev-sec\"]," + day
                        + ",\"title\":\"支委会\"}",
                "{\"type\":\"PARTY_GROUP_MEETING\",\"actor\":\"ev-a\",\"attendees\":[\"ev-a\"]," + day
                        + ",\"title\":\"党小组会\"}",
                "{\"type\":\"THEMED_PARTY_DAY\",\"actor\":\"ev-sec\",\"attendees\":[\"ev-sec\",\"ev-a\",\"ev-fs\"],"
                        + day + ",\"title\":\"主题党日\"}",
                "{\"type\":\"SERVICE_VISIT\",\"actor\":\"ev-a\",\"enterprises\":[{\"name\":\"南通某纺织有限公司\"}]," + day
                        + ",\"title\":\"走访企业\"}");
        assertThat(activities).hasSize(15);
        var ids = new java.util.HashMap<String, String>();
        for (int i = 0; i < activities.size(); i++) {
            String body = activities.get(i).replace("{", "{\"branch\":\"zgnf\",");
            String key = "every-type-" + i;
            // Posted right after the directory: the service waits for its replica, never a false refusal.
            var response = api.post(base + "/activities", body, "Idempotency-Key", key);
            created(response);
            ids.put(
                    response.body().get("type").asString(),
                    response.body().get("id").asString());
            assertThat(response.body().get("type").asString())
                    .isEqualTo(body.replaceAll(".*\"type\":\"([A-Z_]+)\".*", "$1"));
        }
        assertThat(api.get(base + "/activities?size=100").body().get("total").asInt())
                .isEqualTo(15);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<JsonNode> owed = items(api.get(base + "/obligations?assignee=ev-fs&year=2026"));
            for (String duty : List.of("GUIDANCE_OPINION", "REPORT_HEARING", "FOUR_TRUE_RESEARCH")) {
                assertThat(find(owed, "duty", duty, "period", "2026-Q3")
                                .get("status")
                                .asString())
                        .as(duty)
                        .isEqualTo("MET");
            }
            assertThat(find(owed, "duty", "PARTY_LECTURE", "period", "2026-H2")
                            .get("status")
                            .asString())
                    .isEqualTo("MET");
            for (String duty :
                    List.of("ORG_LIFE_MEETING", "SUPERVISION_INSPECTION", "EXPERIENCE_SUMMARY", "YEAR_END_REPORT")) {
                assertThat(find(owed, "duty", duty, "period", "2026")
                                .get("status")
                                .asString())
                        .as(duty)
                        .isEqualTo("MET");
            }
            // the commitment fell due on 31 March: recorded in August, it is met late
            assertThat(find(owed, "duty", "ANNUAL_COMMITMENT", "period", "2026")
                            .get("status")
                            .asString())
                    .isEqualTo("MET_LATE");
        });

        // Voiding the only evidence reopens the obligation.
        var voided = api.post(base + "/activities/" + ids.get("FOUR_TRUE_RESEARCH") + "/void", """
                {"reason":"重复录入"}""");
        assertThat(voided.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode research = find(
                    items(api.get(base + "/obligations?assignee=ev-fs&year=2026")),
                    "duty",
                    "FOUR_TRUE_RESEARCH",
                    "period",
                    "2026-Q3");
            assertThat(research.get("status").asString()).isEqualTo("OPEN");
            assertThat(research.get("evidence").values()).isEmpty();
        });
    }

    private static String recipient(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void created(ApiClient.Response response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
    }

    private static List<JsonNode> items(ApiClient.Response response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        return new ArrayList<>(response.body().get("items").values());
    }

    private static JsonNode find(List<JsonNode> items, String field, String value, String field2, String value2) {
        return items.stream()
                .filter(i -> i.get(field).asString().equals(value)
                        && i.get(field2).asString().equals(value2))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + value + " " + value2 + " in " + items));
    }
}
