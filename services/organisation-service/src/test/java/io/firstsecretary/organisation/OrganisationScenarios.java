package io.firstsecretary.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firstsecretary.contracts.EventJson;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.contracts.organisation.BranchMerged;
import io.firstsecretary.contracts.organisation.FirstSecretaryAssigned;
import io.firstsecretary.contracts.organisation.MemberRegistered;
import io.firstsecretary.infra.testing.ApiClient;
import io.firstsecretary.infra.testing.StoreCommands;
import io.firstsecretary.infra.testing.TestIssuer;
import io.firstsecretary.infra.testing.TopicProbe;
import io.firstsecretary.kit.store.StoreIndexes;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The organisation service against a real broker and store; subclasses say which ones. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class OrganisationScenarios {

    /** Tokens come from a test issuer: the service checks them as it checks the identity service's. */
    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestIssuer.shared().properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    ApiClient api;
    TopicProbe topics;
    String city;
    String county;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://127.0.0.1:" + port, TestIssuer.shared().operator());
        topics = new TopicProbe(bootstrapServers);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        city = "nt" + suffix;
        county = "cc" + suffix;
    }

    @AfterEach
    void close() {
        topics.close();
    }

    /**
     * A change is answered only once its event is on the broker, so a service that replicates the
     * directory, asked right after the answer, finds the change on its topic and waits for its
     * replica rather than refusing: the event was sent before the answer arrived.
     */
    @Test
    void aChangeIsAnsweredOnlyOnceItsEventIsOnTheBroker() {
        for (String code : List.of(city, county)) {
            assertStatus(
                    201, api.post("/api/v1/bureaus", bureau(code, code.equals(city) ? "MUNICIPAL" : "COUNTY", null)));
            long answeredAt = System.currentTimeMillis();
            var sent = eventsOf(code);
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0).timestamp()).isLessThanOrEqualTo(answeredAt);
        }
    }

    @Test
    void registersTheOrganisationAndAnnouncesEachChangeOnce() {
        assertStatus(201, api.post("/api/v1/bureaus", bureau(city, "MUNICIPAL", null)));
        assertStatus(201, api.post("/api/v1/bureaus", bureau(county, "COUNTY", city)));
        assertStatus(201, api.post("/api/v1/bureaus/" + county + "/branches", """
                {"code":"zgnf","name":"征管党支部","divisions":["征收管理科"]}"""));
        assertStatus(201, api.post("/api/v1/bureaus/" + county + "/branches/zgnf/party-groups", """
                {"code":"g1","name":"第一党小组"}"""));
        String fs = member(county + "-wj", "王军", "[\"COMMITTEE_MEMBER\"]", null);
        assertStatus(201, api.post("/api/v1/bureaus/" + county + "/members", fs));
        String leader = member(county + "-zm", "周敏", "[\"GROUP_LEADER\",\"BRANCH_SECRETARY\"]", "g1");
        assertStatus(201, api.post("/api/v1/bureaus/" + county + "/members", leader));
        String assignment = """
                {"member":"%s-wj","branch":"zgnf","from":"2026-01-01","to":"2026-12-31"}""".formatted(county);
        assertStatus(201, api.post("/api/v1/bureaus/" + county + "/first-secretaries", assignment));

        // Identical requests again: nothing changes, nothing is published.
        assertStatus(200, api.post("/api/v1/bureaus", bureau(county, "COUNTY", city)));
        assertStatus(200, api.post("/api/v1/bureaus/" + county + "/members", fs));
        assertStatus(200, api.post("/api/v1/bureaus/" + county + "/first-secretaries", assignment));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(eventsOf(county))
                        .extracting(r -> TopicProbe.header(r, "ce_type").orElseThrow())
                        .containsExactly(
                                Events.BUREAU_REGISTERED.type(),
                                Events.BRANCH_ESTABLISHED.type(),
                                Events.PARTY_GROUP_FORMED.type(),
                                Events.MEMBER_REGISTERED.type(),
                                Events.MEMBER_REGISTERED.type(),
                                Events.FIRST_SECRETARY_ASSIGNED.type()));
        var events = eventsOf(county);
        assertThat(events).allSatisfy(r -> {
            assertThat(TopicProbe.header(r, "ce_bureaupath")).contains(city + "/" + county);
            assertThat(TopicProbe.header(r, "ce_specversion")).contains("1.0");
            assertThat(TopicProbe.header(r, "ce_source")).contains("urn:firstsec:organisation-service");
        });
        var leaderEvent = EventJson.read(events.get(4).value(), MemberRegistered.class);
        assertThat(leaderEvent.roles()).containsExactly("BRANCH_SECRETARY", "GROUP_LEADER");
        assertThat(leaderEvent.partyGroup()).isEqualTo("g1");
        var assigned = EventJson.read(events.get(5).value(), FirstSecretaryAssigned.class);
        assertThat(assigned.bureauPath()).containsExactly(city, county);
        assertThat(assigned.to()).isEqualTo(LocalDate.of(2026, 12, 31));

        var branch = api.get("/api/v1/bureaus/" + county + "/branches/zgnf");
        assertThat(branch.body().get("partyGroups").get(0).get("code").asString())
                .isEqualTo("g1");
        assertThat(api.get("/api/v1/bureaus/" + county).body().get("path").values())
                .hasSize(2);
    }

    @Test
    void rejectsWhatCannotHoldWithAProblemNamingTheFieldAndWritesNothing() {
        assertStatus(201, api.post("/api/v1/bureaus", bureau(city, "MUNICIPAL", null)));
        assertStatus(201, api.post("/api/v1/bureaus/" + city + "/branches", """
                {"code":"zgnf","name":"征管党支部"}"""));
        assertStatus(
                201,
                api.post(
                        "/api/v1/bureaus/" + city + "/members",
                        member(city + "-a", "甲", "[\"COMMITTEE_MEMBER\"]", null)));
        assertStatus(
                201,
                api.post(
                        "/api/v1/bureaus/" + city + "/members",
                        member(city + "-b", "乙", "[\"COMMITTEE_MEMBER\"]", null)));
        assertStatus(201, api.post("/api/v1/bureaus/" + city + "/members", member(city + "-c", "丙", null, null)));
        assertStatus(201, api.post("/api/v1/bureaus/" + city + "/first-secretaries", """
                {"member":"%s-a","branch":"zgnf","from":"2026-01-01","to":"2026-06-30"}""".formatted(city)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOf(city)).hasSize(6));

        assertProblem(422, "parent", api.post("/api/v1/bureaus", bureau(county, "COUNTY", "nowhere")));
        assertProblem(409, "code", api.post("/api/v1/bureaus", bureau(city, "COUNTY", null)));
        assertProblem(422, "level", api.post("/api/v1/bureaus", "{\"code\":\"x1\",\"name\":\"x\"}"));
        assertProblem(400, "level", api.post("/api/v1/bureaus", "{\"code\":\"x1\",\"name\":\"x\",\"level\":\"TOWN\"}"));
        assertProblem(
                422,
                "branch",
                api.post(
                        "/api/v1/bureaus/" + city + "/members",
                        member(city + "-d", "丁", null, null).replace("zgnf", "none")));
        assertProblem(
                422,
                "partyGroup",
                api.post("/api/v1/bureaus/" + city + "/members", member(city + "-d", "丁", null, "g9")));
        assertProblem(
                422,
                "roles",
                api.post("/api/v1/bureaus/" + city + "/members", member(city + "-d", "丁", "[\"GROUP_LEADER\"]", null)));
        assertProblem(
                422,
                "email",
                api.post(
                        "/api/v1/bureaus/" + city + "/members",
                        member(city + "-d", "丁", null, null).replace("@nt.example", "")));
        assertProblem(422, "member", api.post("/api/v1/bureaus/" + city + "/first-secretaries", """
                {"member":"%s-c","branch":"zgnf","from":"2026-07-01"}""".formatted(city)));
        assertProblem(422, "to", api.post("/api/v1/bureaus/" + city + "/first-secretaries", """
                {"member":"%s-b","branch":"zgnf","from":"2026-07-01","to":"2026-06-01"}""".formatted(city)));
        assertProblem(409, "from", api.post("/api/v1/bureaus/" + city + "/first-secretaries", """
                {"member":"%s-b","branch":"zgnf","from":"2026-06-01"}""".formatted(city)));
        assertThat(api.post("/api/v1/bureaus/nowhere/branches", "{\"code\":\"b\",\"name\":\"b\"}")
                        .status())
                .isEqualTo(404);

        assertStatus(201, api.post("/api/v1/bureaus/" + city + "/first-secretaries", """
                {"member":"%s-b","branch":"zgnf","from":"2026-07-01"}""".formatted(city)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOf(city)).hasSize(7));
        assertThat(api.get("/api/v1/bureaus/" + city + "/members")
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(3);
        assertThat(api.get("/api/v1/bureaus/" + county).status()).isEqualTo(404);
    }

    @Test
    void everyRealLifeChangeIsAnEvent() {
        String base = "/api/v1/bureaus/" + county;
        assertStatus(201, api.post("/api/v1/bureaus", bureau(city, "MUNICIPAL", null)));
        assertStatus(201, api.post("/api/v1/bureaus", bureau(county, "COUNTY", city)));
        for (String branch : List.of("zgnf", "bgs", "xc")) {
            assertStatus(
                    201,
                    api.post(base + "/branches", "{\"code\":\"%s\",\"name\":\"%s党支部\"}".formatted(branch, branch)));
        }
        assertStatus(201, api.post(base + "/branches/zgnf/party-groups", "{\"code\":\"g1\",\"name\":\"第一党小组\"}"));
        assertStatus(201, api.post(base + "/members", member(county + "-fs1", "王军", "[\"COMMITTEE_MEMBER\"]", null)));
        assertStatus(
                201,
                api.post(
                        base + "/members",
                        member(county + "-fs2", "赵强", "[\"COMMITTEE_MEMBER\"]", null)
                                .replace("zgnf", "bgs")));
        assertStatus(201, api.post(base + "/members", member(county + "-sec", "周敏", "[\"BRANCH_SECRETARY\"]", null)));
        assertStatus(201, api.post(base + "/members", member(county + "-lead", "李华", "[\"GROUP_LEADER\"]", "g1")));
        assertStatus(
                201,
                api.post(
                        base + "/members",
                        member(county + "-m2", "陈静", "[\"BRANCH_SECRETARY\"]", null)
                                .replace("zgnf", "bgs")));
        assertStatus(201, api.post(base + "/first-secretaries", """
                {"member":"%s-fs1","branch":"zgnf","from":"2026-01-01"}""".formatted(county)));

        var moved =
                api.post(base + "/members/" + county + "-lead/transfer", "{\"branch\":\"bgs\",\"on\":\"2026-03-01\"}");
        assertStatus(200, moved);
        assertThat(moved.body().get("branch").asString()).isEqualTo("bgs");
        assertThat(moved.body().get("roles").values())
                .extracting(JsonNode::asString)
                .containsExactly("MEMBER");
        assertStatus(
                200,
                api.put(
                        base + "/members/" + county + "-sec/roles",
                        "{\"roles\":[\"BRANCH_SECRETARY\",\"BRANCH_COMMITTEE\"]}"));
        assertStatus(
                200,
                api.patch(base + "/members/" + county + "-sec", "{\"name\":\"周敏\",\"email\":\"zm@js-tax.example\"}"));
        assertStatus(200, api.patch(base + "/branches/zgnf", "{\"name\":\"征管和纳税服务党支部\",\"divisions\":[\"征收管理股\"]}"));
        var relieved =
                api.post(base + "/first-secretaries/" + county + ":zgnf:2026-01-01/relieve", "{\"on\":\"2026-06-30\"}");
        assertStatus(200, relieved);
        assertThat(relieved.body().get("endReason").asString()).isEqualTo("RELIEVED");
        assertStatus(201, api.post(base + "/first-secretaries", """
                {"member":"%s-fs2","branch":"zgnf","from":"2026-07-01"}""".formatted(county)));
        var merged = api.post(base + "/branches/bgs/merge", "{\"into\":\"zgnf\",\"on\":\"2026-09-01\"}");
        assertStatus(200, merged);
        assertThat(merged.body().get("status").asString()).isEqualTo("MERGED");
        assertStatus(
                200, api.post(base + "/members/" + county + "-fs1/leave", "{\"on\":\"2026-10-01\",\"reason\":\"调离\"}"));
        assertStatus(200, api.post(base + "/branches/xc/dissolve", "{\"on\":\"2026-10-15\"}"));
        assertStatus(
                200,
                api.put(
                        "/api/v1/bureaus/" + county,
                        "{\"name\":\"崇川区税务局\",\"level\":\"DISTRICT\",\"parent\":\"%s\"}".formatted(city)));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(eventsOf(county))
                        .extracting(r -> TopicProbe.header(r, "ce_type").orElseThrow())
                        .contains(
                                Events.MEMBER_TRANSFERRED.type(),
                                Events.MEMBER_ROLES_CHANGED.type(),
                                Events.MEMBER_DETAILS_CHANGED.type(),
                                Events.BRANCH_RENAMED.type(),
                                Events.FIRST_SECRETARY_RELIEVED.type(),
                                Events.BRANCH_MERGED.type(),
                                Events.MEMBER_LEFT.type(),
                                Events.BRANCH_DISSOLVED.type(),
                                Events.BUREAU_CHANGED.type()));
        var merge = eventsOf(county).stream()
                .filter(r -> TopicProbe.header(r, "ce_type").orElseThrow().equals(Events.BRANCH_MERGED.type()))
                .map(r -> EventJson.read(r.value(), BranchMerged.class))
                .toList();
        assertThat(merge).singleElement().satisfies(m -> assertThat(m.into()).isEqualTo("zgnf"));

        var branch = api.get(base + "/branches/zgnf").body();
        assertThat(branch.get("name").asString()).isEqualTo("征管和纳税服务党支部");
        assertThat(branch.get("secretary").get("id").asString()).isEqualTo(county + "-sec");
        assertThat(branch.get("firstSecretary").get("member").asString()).isEqualTo(county + "-fs2");
        assertThat(branch.get("members").values())
                .extracting(m -> m.get("id").asString())
                .containsExactlyInAnyOrder(county + "-fs2", county + "-sec", county + "-lead", county + "-m2");
        var m2 = api.get(base + "/members/" + county + "-m2").body().get("member");
        assertThat(m2.get("roles").values()).extracting(JsonNode::asString).containsExactly("MEMBER");
        var fs1 = api.get(base + "/members/" + county + "-fs1").body();
        assertThat(fs1.get("member").get("active").asBoolean()).isFalse();
        assertThat(fs1.get("firstSecretaryTerms").values())
                .extracting(t -> t.get("branch").asString() + " "
                        + t.get("from").asString() + ".." + t.get("to").asString())
                .containsExactly("zgnf 2026-01-01..2026-06-30");
        assertThat(api.get(base + "/members?q=王").body().get("total").asLong()).isZero();
        assertThat(api.get(base + "/members?q=王&includeLeft=true")
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void keyPersonAndTreeRulesAreEnforced() {
        String base = "/api/v1/bureaus/" + county;
        assertStatus(201, api.post("/api/v1/bureaus", bureau(city, "MUNICIPAL", null)));
        assertStatus(201, api.post("/api/v1/bureaus", bureau(county, "COUNTY", city)));
        assertStatus(201, api.post(base + "/branches", "{\"code\":\"zgnf\",\"name\":\"征管党支部\"}"));
        assertStatus(201, api.post(base + "/branches", "{\"code\":\"bgs\",\"name\":\"办公室党支部\"}"));
        assertStatus(201, api.post(base + "/branches/zgnf/party-groups", "{\"code\":\"g1\",\"name\":\"第一党小组\"}"));
        assertStatus(201, api.post(base + "/branches/bgs/party-groups", "{\"code\":\"b1\",\"name\":\"第一党小组\"}"));
        assertStatus(201, api.post(base + "/members", member(county + "-sec", "周敏", "[\"BRANCH_SECRETARY\"]", null)));
        assertStatus(201, api.post(base + "/members", member(county + "-lead", "李华", "[\"GROUP_LEADER\"]", "g1")));
        assertStatus(201, api.post(base + "/members", member(county + "-fs", "王军", "[\"COMMITTEE_MEMBER\"]", null)));
        assertStatus(201, api.post(base + "/first-secretaries", """
                {"member":"%s-fs","branch":"zgnf","from":"2026-01-01"}""".formatted(county)));

        assertProblem(
                409, "roles", api.post(base + "/members", member(county + "-x", "甲", "[\"BRANCH_SECRETARY\"]", null)));
        assertProblem(
                409, "roles", api.post(base + "/members", member(county + "-x", "甲", "[\"GROUP_LEADER\"]", "g1")));
        assertProblem(
                422, "roles", api.post(base + "/members", member(county + "-x", "甲", "[\"GROUP_LEADER\"]", null)));
        assertProblem(422, "partyGroup", api.post(base + "/members", member(county + "-x", "甲", null, "b1")));
        assertProblem(
                409,
                "roles",
                api.put(
                        base + "/members/" + county + "-fs/roles",
                        "{\"roles\":[\"BRANCH_SECRETARY\",\"COMMITTEE_MEMBER\"]}"));
        assertProblem(
                422,
                "parent",
                api.put(
                        "/api/v1/bureaus/" + city,
                        "{\"name\":\"市局\",\"level\":\"MUNICIPAL\",\"parent\":\"%s\"}".formatted(county)));
        assertProblem(
                422,
                "parent",
                api.put(
                        "/api/v1/bureaus/" + city,
                        "{\"name\":\"市局\",\"level\":\"MUNICIPAL\",\"parent\":\"%s\"}".formatted(city)));
        assertProblem(409, "branch", api.post(base + "/branches/zgnf/dissolve", "{}"));
        assertProblem(409, "from", api.post(base + "/first-secretaries", """
                {"member":"%s-fs","branch":"zgnf","from":"2026-03-01"}""".formatted(county)));
        assertProblem(422, "into", api.post(base + "/branches/zgnf/merge", "{\"into\":\"zgnf\"}"));

        assertThat(api.get("/api/v1/bureaus/" + city + "/first-secretaries")
                        .body()
                        .get("total")
                        .asLong())
                .isZero();
        var withChildren = api.get("/api/v1/bureaus/" + city + "/first-secretaries?includeDescendants=true")
                .body();
        assertThat(withChildren.get("items").values())
                .extracting(i -> i.get("member").asString() + "@"
                        + i.get("bureau").asString() + "/" + i.get("branch").asString())
                .containsExactly(county + "-fs@" + county + "/zgnf");
        var page = api.get(base + "/members?size=1&page=1").body();
        assertThat(page.get("items").values()).hasSize(1);
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(api.get(base + "/members?size=0").status()).isEqualTo(422);
    }

    @Test
    void anOfficeManagesItsSubtreeAndNothingAboveOrBesideIt() {
        String sibling = county + "s";
        String town = county + "t";
        assertStatus(201, api.post("/api/v1/bureaus", bureau(city, "MUNICIPAL", null)));
        assertStatus(201, api.post("/api/v1/bureaus", bureau(county, "COUNTY", city)));
        assertStatus(201, api.post("/api/v1/bureaus", bureau(sibling, "COUNTY", city)));
        var countyOffice = api.as(TestIssuer.shared().office(county));
        var cityOffice = api.as(TestIssuer.shared().office(city));

        // The parent and the sibling answer as if they did not exist.
        assertStatus(200, countyOffice.get("/api/v1/bureaus/" + county));
        assertStatus(404, countyOffice.get("/api/v1/bureaus/" + city));
        assertStatus(404, countyOffice.get("/api/v1/bureaus/" + sibling + "/members"));
        assertStatus(404, countyOffice.get("/api/v1/bureaus?under=" + city));
        assertThat(countyOffice.get("/api/v1/bureaus").body().get("items").values())
                .extracting(b -> b.get("code").asString())
                .containsExactly(county);

        // Below its own bureau only: a root is the operator's, a bureau beside it unknown.
        assertStatus(201, countyOffice.post("/api/v1/bureaus", bureau(town, "DISTRICT", county)));
        assertStatus(403, countyOffice.post("/api/v1/bureaus", bureau(county + "r", "PROVINCIAL", null)));
        assertProblem(422, "parent", countyOffice.post("/api/v1/bureaus", bureau(county + "x", "COUNTY", city)));

        // Nobody moves a bureau into, or out of, a subtree he does not manage.
        assertProblem(422, "parent", countyOffice.put("/api/v1/bureaus/" + town, change("DISTRICT", sibling)));
        assertProblem(422, "parent", countyOffice.put("/api/v1/bureaus/" + county, change("COUNTY", sibling)));
        assertStatus(200, countyOffice.put("/api/v1/bureaus/" + town, change("OTHER", county)));
        assertStatus(200, cityOffice.put("/api/v1/bureaus/" + town, change("DISTRICT", sibling)));
        assertThat(api.get("/api/v1/bureaus/" + town).body().get("path").values())
                .extracting(JsonNode::asString)
                .containsExactly(city, sibling, town);
        assertStatus(404, countyOffice.get("/api/v1/bureaus/" + town));

        // A first secretary reads the directory of his or her bureau and changes none of it.
        var firstSecretary = api.as(TestIssuer.shared().person(county + "-wj", county, "FIRST_SECRETARY"));
        assertStatus(200, firstSecretary.get("/api/v1/bureaus/" + county + "/members"));
        assertStatus(403, firstSecretary.post("/api/v1/bureaus/" + county + "/branches", """
                {"code":"zgnf","name":"征管党支部"}"""));
        assertStatus(401, api.anonymous().get("/api/v1/bureaus/" + county + "/members"));
    }

    private static String change(String level, String parent) {
        return "{\"name\":\"税务局\",\"level\":\"%s\",\"parent\":\"%s\"}".formatted(level, parent);
    }

    private List<ConsumerRecord<String, byte[]>> eventsOf(String bureau) {
        return topics.readAll(Topics.ORGANISATION).stream()
                .filter(r -> bureau.equals(r.key()))
                .toList();
    }

    private static String bureau(String code, String level, String parent) {
        return parent == null
                ? "{\"code\":\"%s\",\"name\":\"税务局\",\"level\":\"%s\"}".formatted(code, level)
                : "{\"code\":\"%s\",\"name\":\"税务局\",\"level\":\"%s\",\"parent\":\"%s\"}"
                        .formatted(code, level, parent);
    }

    private static String member(String id, String name, String roles, String group) {
        return """
                {"id":"%s","name":"%s","email":"%s@nt.example","roles":%s,"branch":"zgnf",%s"joinedPartyOn":"2001-07-01"}""".formatted(id, name, id, roles, group == null ? "" : "\"partyGroup\":\"" + group + "\",");
    }

    private static void assertStatus(int status, ApiClient.Response response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
    }

    private static void assertProblem(int status, String field, ApiClient.Response response) {
        assertStatus(status, response);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("errors").values())
                .extracting(e -> e.get("field").asString())
                .contains(field);
    }

    /** Collections the service reads whole by design: none. */
    static final List<String> SCANS_BY_DESIGN = List.of();

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
