package io.firstsecretary.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import io.firstsecretary.assessment.facts.Bureau;
import io.firstsecretary.assessment.facts.Change;
import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.facts.FactsProjector;
import io.firstsecretary.assessment.obligation.ObligationBook;
import io.firstsecretary.assessment.obligation.ObligationStatus;
import io.firstsecretary.assessment.obligation.Obligations;
import io.firstsecretary.assessment.scoring.Scorecard;
import io.firstsecretary.assessment.scoring.Scorecards;
import io.firstsecretary.contracts.EventJson;
import io.firstsecretary.contracts.EventType;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.contracts.activity.ActivityCorrected;
import io.firstsecretary.contracts.activity.ActivityLogged;
import io.firstsecretary.contracts.activity.ActivityVoided;
import io.firstsecretary.contracts.assessment.ObligationFulfilled;
import io.firstsecretary.contracts.assessment.ObligationOpened;
import io.firstsecretary.contracts.assessment.ObligationOverdue;
import io.firstsecretary.contracts.assessment.ObligationReopened;
import io.firstsecretary.contracts.assessment.ObligationRescheduled;
import io.firstsecretary.contracts.assessment.ObligationWaived;
import io.firstsecretary.contracts.assessment.ReviewRecorded;
import io.firstsecretary.contracts.organisation.BranchEstablished;
import io.firstsecretary.contracts.organisation.BureauRegistered;
import io.firstsecretary.contracts.organisation.FirstSecretaryAssigned;
import io.firstsecretary.contracts.organisation.FirstSecretaryRelieved;
import io.firstsecretary.contracts.organisation.MemberRegistered;
import io.firstsecretary.infra.testing.ApiClient;
import io.firstsecretary.infra.testing.ApiDocumentLint;
import io.firstsecretary.infra.testing.StoreCommands;
import io.firstsecretary.infra.testing.TestIssuer;
import io.firstsecretary.infra.testing.TopicProbe;
import io.firstsecretary.kit.events.IncomingEvent;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.outbox.OutboxRelay;
import io.firstsecretary.kit.store.StoreIndexes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.producer.RecordMetadata;
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
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The assessment service against a real broker and store; subclasses say which ones. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "firstsec.clock.fixed=2026-08-03T02:00:00Z",
            // closed periods' rankings are published by tests that ask for them, not by the clock mid-scenario
            "firstsec.rankings.publish-delay=PT24H"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AssessmentScenarios {

    /** Tokens come from a test issuer: the service checks them as it checks the identity service's. */
    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestIssuer.shared().properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${spring.mongodb.uri}")
    String mongoUri;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    OutboxRelay relay;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    ApiClient api;
    TopicProbe topics;
    String bureau;
    List<String> path;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://127.0.0.1:" + port, TestIssuer.shared().operator());
        topics = new TopicProbe(bootstrapServers);
        bureau = "b" + UUID.randomUUID().toString().substring(0, 8);
        path = List.of("js", bureau);
    }

    @AfterEach
    void close() {
        topics.close();
    }

    /**
     * A term from 20 May covers too little of Q2 and H1 (under half) to owe them, but enough of the
     * year; the commitment due on 31 March falls due as long after the term's start instead.
     */
    @Test
    void anAssignmentOpensTheYearsObligationsWithinItsTerm() {
        assign("wangjun", "zgnf", LocalDate.of(2026, 5, 20), null);

        var expected = new ArrayList<String>();
        for (String quarter : List.of("2026-Q3", "2026-Q4")) {
            for (String duty :
                    List.of("GUIDANCE_OPINION", "REPORT_HEARING", "FOUR_TRUE_RESEARCH", "QUARTERLY_REVIEW")) {
                expected.add(duty + " " + quarter);
            }
        }
        expected.addAll(List.of("PARTY_LECTURE 2026-H2", "KEY_PERSON_TALKS 2026-H2"));
        for (String duty : List.of(
                "ORG_LIFE_MEETING",
                "SUPERVISION_INSPECTION",
                "EXPERIENCE_SUMMARY",
                "MEMBER_TALK_COVERAGE",
                "ANNUAL_COMMITMENT",
                "YEAR_END_REPORT")) {
            expected.add(duty + " 2026");
        }
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(obligations("wangjun"))
                        .extracting(o ->
                                o.get("duty").asString() + " " + o.get("period").asString())
                        .containsExactlyInAnyOrderElementsOf(expected));
        await().atMost(WAIT).untilAsserted(() -> assertThat(openedEvents()).hasSize(expected.size()));
        var opened = openedEvents();
        assertThat(opened)
                .filteredOn(o -> o.duty().equals("ANNUAL_COMMITMENT"))
                .extracting(ObligationOpened::dueOn)
                .containsExactly(LocalDate.of(2026, 5, 20).plusDays(89));
        assertThat(opened)
                .filteredOn(o -> o.duty().equals("QUARTERLY_REVIEW"))
                .extracting(ObligationOpened::owedBy)
                .containsOnly("BUREAU");
        assertThat(status("wangjun", "REPORT_HEARING", "2026-Q3")).isEqualTo("OPEN");
        assertThat(status("wangjun", "ANNUAL_COMMITMENT", "2026")).isEqualTo("OPEN");
    }

    /**
     * Relieved on 20 September: the third quarter and the year are still owed, now by that day (the
     * move announced, so reminders follow); the fourth quarter and the second half (too little of it)
     * are retired and no longer shown.
     */
    @Test
    void aTermEndingEarlyMovesItsDueDaysAndRetiresWhatItNoLongerOwes() {
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);
        awaitObligation("wangjun", "FOUR_TRUE_RESEARCH", "2026-Q4");
        publish(
                Events.FIRST_SECRETARY_RELIEVED,
                bureau,
                new FirstSecretaryRelieved(
                        bureau,
                        path,
                        bureau + ":zgnf:2026-01-01",
                        "wangjun",
                        "zgnf",
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 9, 20),
                        "RELIEVED"));
        topics.awaitConsumed("assessment-service", Topics.ORGANISATION, WAIT);

        var owed = obligations("wangjun");
        assertThat(owed).extracting(o -> o.get("period").asString()).doesNotContain("2026-Q4", "2026-H2");
        assertThat(obligation("wangjun", "FOUR_TRUE_RESEARCH", "2026-Q3")
                        .get("dueOn")
                        .asString())
                .isEqualTo("2026-09-20");
        assertThat(obligation("wangjun", "YEAR_END_REPORT", "2026").get("dueOn").asString())
                .isEqualTo("2026-09-20");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(topics.readAll(Topics.ASSESSMENT, Events.OBLIGATION_RESCHEDULED.type()).stream()
                            .map(r -> EventJson.read(r.value(), ObligationRescheduled.class))
                            .filter(r -> r.bureau().equals(bureau) && r.duty().equals("FOUR_TRUE_RESEARCH")))
                    .extracting(r -> r.period() + " " + r.previousDueOn() + " -> " + r.dueOn())
                    .containsExactly("2026-Q3 2026-09-30 -> 2026-09-20");
            assertThat(topics.readAll(Topics.ASSESSMENT, Events.OBLIGATION_WAIVED.type()).stream()
                            .map(r -> EventJson.read(r.value(), ObligationWaived.class))
                            .filter(w -> w.bureau().equals(bureau) && w.duty().equals("PARTY_LECTURE")))
                    .extracting(w -> w.period() + " " + w.reason())
                    .containsExactly("2026-H2 PERIOD_NOT_COVERED");
        });
    }

    @Test
    void anActivityDeliveredTwiceIsEvidenceOnceAndFulfilsOnce() {
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);
        var lecture = activity("PARTY_LECTURE", "wangjun", LocalDate.of(2026, 7, 15));
        String eventId = UUID.randomUUID().toString();
        topics.publish(Events.ACTIVITY_LOGGED, bureau + "/zgnf", eventId, bureau, lecture);
        topics.publish(Events.ACTIVITY_LOGGED, bureau + "/zgnf", eventId, bureau, lecture);
        topics.awaitConsumed("assessment-service", Topics.ACTIVITY, WAIT);
        topics.awaitConsumed("assessment-service", Topics.ORGANISATION, WAIT);

        assertMetOnceBy("PARTY_LECTURE", "2026-H2", lecture.id());
        assertThat(status("wangjun", "PARTY_LECTURE", "2026-H1")).isEqualTo("OVERDUE");
    }

    /**
     * Records come in batches stored in bulk; a malformed or schema-invalid record among them is
     * dead-lettered with its coordinates, and the good records on either side of it still count.
     */
    @Test
    void aPoisonRecordIsDeadLetteredWithoutLosingTheRestOfItsBatch() {
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);
        var listener = listeners.getListenerContainer("assessment-activity");
        var lecture = activity("PARTY_LECTURE", "wangjun", LocalDate.of(2026, 7, 15));
        var research = activity("FOUR_TRUE_RESEARCH", "wangjun", LocalDate.of(2026, 7, 2));
        String key = bureau + "/zgnf";
        RecordMetadata notJson;
        RecordMetadata noDay;
        // held back so that the five records arrive in one batch
        listener.pause();
        try {
            await().atMost(WAIT).until(listener::isContainerPaused);
            publish(Events.ACTIVITY_LOGGED, key, lecture);
            notJson = topics.send(
                    Topics.ACTIVITY,
                    key,
                    "{not json".getBytes(StandardCharsets.UTF_8),
                    "ce_id",
                    UUID.randomUUID().toString(),
                    "ce_source",
                    Topics.source(Topics.ACTIVITY).orElseThrow(),
                    "ce_type",
                    Events.ACTIVITY_LOGGED.type());
            noDay = topics.send(
                    Topics.ACTIVITY,
                    key,
                    ("{\"id\":\"" + UUID.randomUUID() + "\",\"bureau\":\"" + bureau
                                    + "\",\"type\":\"TALK\",\"branch\":\"zgnf\"}")
                            .getBytes(StandardCharsets.UTF_8),
                    "ce_id",
                    UUID.randomUUID().toString(),
                    "ce_source",
                    Topics.source(Topics.ACTIVITY).orElseThrow(),
                    "ce_type",
                    Events.ACTIVITY_LOGGED.type());
            publish(Events.ACTIVITY_LOGGED, key, research);
        } finally {
            listener.resume();
        }
        topics.awaitConsumed("assessment-service", Topics.ACTIVITY, WAIT);

        assertMetOnceBy("PARTY_LECTURE", "2026-H2", lecture.id());
        assertMetOnceBy("FOUR_TRUE_RESEARCH", "2026-Q3", research.id());
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(topics.readAll(Topics.deadLetter("assessment-service")).stream()
                                .filter(r -> key.equals(r.key()))
                                .map(r -> ByteBuffer.wrap(r.headers()
                                                .lastHeader("kafka_dlt-original-offset")
                                                .value())
                                        .getLong())
                                .toList())
                        .containsExactlyInAnyOrder(notJson.offset(), noDay.offset()));
    }

    /**
     * What projecting an activity costs does not grow with history: a talk in a branch with ten
     * times the talks of the year sends the store no more commands than one with few.
     */
    @Test
    void projectingATalkCostsNoMoreWhenTheBranchHasTenTimesTheHistory(
            @Autowired Facts facts, @Autowired ObligationBook book) {
        register("wangjun", "COMMITTEE_MEMBER");
        register("zhoumin");
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);

        var afterFive = costOfATalkAfter(5, facts, book);
        var afterFifty = costOfATalkAfter(45, facts, book);

        assertThat(afterFive).isNotEmpty();
        assertThat(afterFifty.size())
                .as("store commands to project a talk after 5 %s and after 50 %s", afterFive, afterFifty)
                .isLessThanOrEqualTo(afterFive.size());
    }

    /**
     * A bureau's year is listed by due day (then duty, assignee and branch, the bureau's own duties
     * first), filters (a status as of today too) and pages over that listing, and a page reads the
     * listing and its own obligations only: two store commands, however many the year holds.
     */
    @Test
    void aPageOfTheYearIsInDueDayOrderAndReadsOnlyItsOwnObligations(@Autowired Obligations obligations) {
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);
        assign("lina", "zgnf", LocalDate.of(2026, 3, 1), null);
        awaitObligation("lina", "FOUR_TRUE_RESEARCH", "2026-Q4");
        await().atMost(WAIT)
                .until(() -> api.get("/api/v1/bureaus/" + bureau + "/obligations?duty=BUREAU_MEETING_REPORT&year=2026")
                                .body()
                                .get("total")
                                .asInt()
                        == 12);

        var whole = api.get("/api/v1/bureaus/" + bureau + "/obligations?year=2026&size=500");
        assertThat(whole.status()).isEqualTo(200);
        var all = new ArrayList<>(whole.body().get("items").values());
        Comparator<JsonNode> byDueDay = Comparator.<JsonNode, String>comparing(
                        o -> o.get("dueOn").asString())
                .thenComparing(o -> o.get("duty").asString())
                .thenComparing(o -> textOrEmpty(o, "assignee"))
                .thenComparing(o -> textOrEmpty(o, "branch"));
        assertThat(all).hasSizeGreaterThan(40).isSortedAccordingTo(byDueDay);
        assertThat(whole.body().get("total").asInt()).isEqualTo(all.size());

        var third = api.get("/api/v1/bureaus/" + bureau + "/obligations?year=2026&page=2&size=7");
        assertThat(ids(third.body().get("items").values())).isEqualTo(ids(all.subList(14, 21)));
        assertThat(third.body().get("total").asInt()).isEqualTo(all.size());
        var linasResearch =
                api.get("/api/v1/bureaus/" + bureau + "/obligations?assignee=lina&duty=FOUR_TRUE_RESEARCH&year=2026");
        assertThat(ids(linasResearch.body().get("items").values()))
                .isEqualTo(ids(all.stream()
                        .filter(o -> textOrEmpty(o, "assignee").equals("lina")
                                && o.get("duty").asString().equals("FOUR_TRUE_RESEARCH"))
                        .toList()));

        var overdue = api.get("/api/v1/bureaus/" + bureau + "/obligations?year=2026&status=OVERDUE&page=1&size=3");
        var allOverdue = all.stream()
                .filter(o -> o.get("status").asString().equals("OVERDUE"))
                .toList();
        assertThat(allOverdue).hasSizeGreaterThan(6);
        assertThat(ids(overdue.body().get("items").values())).isEqualTo(ids(allOverdue.subList(3, 6)));
        assertThat(overdue.body().get("total").asInt()).isEqualTo(allOverdue.size());

        var commands = StoreCommands.shared()
                .sentBy(() -> assertThat(obligations
                                .page(
                                        bureau,
                                        List.of(2026),
                                        new Obligations.Wanted(null, null, null, 2026, null, ObligationStatus.OVERDUE),
                                        1,
                                        3)
                                .items())
                        .hasSize(3))
                .stream()
                .filter(command -> !command.endsWith(" projection_generation"))
                .toList();
        assertThat(commands).hasSize(2).anyMatch(c -> c.contains(ObligationBook.OBLIGATION_LISTINGS));
    }

    /** A store from before the bureaus' years were listed lists them once, at start-up. */
    @Test
    void aStoreFromBeforeTheListingsListsItsYearsOnce(
            @Autowired Facts facts,
            @Autowired ObligationBook book,
            @Autowired org.springframework.data.mongodb.core.MongoTemplate store) {
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);
        awaitObligation("wangjun", "FOUR_TRUE_RESEARCH", "2026-Q4");
        var before = api.get("/api/v1/bureaus/" + bureau + "/obligations?year=2026&size=500")
                .body()
                .get("items");
        store.getCollection(facts.generation().of(ObligationBook.OBLIGATION_LISTINGS))
                .deleteMany(com.mongodb.client.model.Filters.in("_id", "#complete", bureau + "|2026"));
        assertThat(api.get("/api/v1/bureaus/" + bureau + "/obligations?year=2026")
                        .body()
                        .get("total")
                        .asInt())
                .isZero();

        book.listObligations();

        assertThat(api.get("/api/v1/bureaus/" + bureau + "/obligations?year=2026&size=500")
                        .body()
                        .get("items"))
                .isEqualTo(before);
    }

    private static String textOrEmpty(JsonNode o, String field) {
        var value = o.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    private static List<String> ids(Iterable<JsonNode> items) {
        var ids = new ArrayList<String>();
        items.forEach(o -> ids.add(o.get("id").asString()));
        return ids;
    }

    /** Logs {@code more} talks of the first half-year, then projects one more in this thread and counts its commands. */
    private List<String> costOfATalkAfter(int more, Facts facts, ObligationBook book) {
        for (int i = 0; i < more; i++) {
            publish(
                    Events.ACTIVITY_LOGGED,
                    bureau + "/zgnf",
                    talk("wangjun", LocalDate.of(2026, 2, 1).plusDays(i), "zhoumin"));
        }
        topics.awaitConsumed("assessment-service", Topics.ACTIVITY, WAIT);
        var one = talk("wangjun", LocalDate.of(2026, 4, 1), "zhoumin");
        var event = new IncomingEvent(
                UUID.randomUUID().toString(), Events.ACTIVITY_LOGGED.type(), "test", bureau, EventJson.write(one));
        var projector = new FactsProjector(facts);
        return StoreCommands.shared()
                .sentBy(() -> book.recomputeAll(
                        Change.merged(projector.applyAll(List.of(new FactsProjector.Positioned(event, 0))))))
                .stream()
                // the live generation's pointer is read again once a second, whatever the work
                .filter(command -> !command.endsWith(" projection_generation"))
                .toList();
    }

    @Test
    void evidenceThatArrivesBeforeTheAssignmentStillCounts() {
        var research = activity("FOUR_TRUE_RESEARCH", "wangjun", LocalDate.of(2026, 7, 2));
        publish(Events.ACTIVITY_LOGGED, bureau + "/zgnf", research);
        topics.awaitConsumed("assessment-service", Topics.ACTIVITY, WAIT);
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);

        assertMetOnceBy("FOUR_TRUE_RESEARCH", "2026-Q3", research.id());
    }

    @Test
    void workOutsideTheTermOrByAnotherMemberIsNoEvidence() {
        assign("wangjun", "zgnf", LocalDate.of(2026, 7, 10), null);
        publish(
                Events.ACTIVITY_LOGGED,
                bureau + "/zgnf",
                activity("GUIDANCE_OPINION", "wangjun", LocalDate.of(2026, 7, 1)));
        publish(
                Events.ACTIVITY_LOGGED,
                bureau + "/zgnf",
                activity("GUIDANCE_OPINION", "zhoumin", LocalDate.of(2026, 7, 20)));
        topics.awaitConsumed("assessment-service", Topics.ACTIVITY, WAIT);
        topics.awaitConsumed("assessment-service", Topics.ORGANISATION, WAIT);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("wangjun", "GUIDANCE_OPINION", "2026-Q3"))
                        .isEqualTo("OPEN"));
    }

    @Test
    void voidingTheOnlyEvidenceReopensAndACorrectionMovesTheEvidence() {
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);
        var research = activity("FOUR_TRUE_RESEARCH", "wangjun", LocalDate.of(2026, 7, 2));
        var opinion = activity("GUIDANCE_OPINION", "wangjun", LocalDate.of(2026, 7, 3));
        publish(Events.ACTIVITY_LOGGED, bureau + "/zgnf", research);
        publish(Events.ACTIVITY_LOGGED, bureau + "/zgnf", opinion);
        assertMetOnceBy("FOUR_TRUE_RESEARCH", "2026-Q3", research.id());
        assertMetOnceBy("GUIDANCE_OPINION", "2026-Q3", opinion.id());

        publish(
                Events.ACTIVITY_VOIDED,
                bureau + "/zgnf",
                new ActivityVoided(
                        research.id(), bureau, path, "zgnf", "重复录入", null, Instant.parse("2026-08-03T01:00:00Z")));
        var moved = new ActivityLogged(
                opinion.id(),
                bureau,
                path,
                "GUIDANCE_OPINION",
                "zgnf",
                "wangjun",
                LocalDate.of(2026, 4, 10),
                "记录",
                List.of(),
                null,
                opinion.loggedAt());
        publish(
                Events.ACTIVITY_CORRECTED,
                bureau + "/zgnf",
                new ActivityCorrected(
                        opinion.id(),
                        bureau,
                        path,
                        1,
                        "日期录错",
                        List.of("occurredOn"),
                        Instant.parse("2026-08-03T01:30:00Z"),
                        moved));
        // The original log delivered again after the void and the correction changes nothing.
        publish(Events.ACTIVITY_LOGGED, bureau + "/zgnf", research);
        publish(Events.ACTIVITY_LOGGED, bureau + "/zgnf", opinion);
        topics.awaitConsumed("assessment-service", Topics.ACTIVITY, WAIT);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(obligation("wangjun", "FOUR_TRUE_RESEARCH", "2026-Q3")
                            .get("status")
                            .asString())
                    .isEqualTo("OPEN");
            assertThat(obligation("wangjun", "FOUR_TRUE_RESEARCH", "2026-Q3")
                            .get("evidence")
                            .values())
                    .isEmpty();
            assertThat(obligation("wangjun", "GUIDANCE_OPINION", "2026-Q3")
                            .get("status")
                            .asString())
                    .isEqualTo("OPEN");
            // Recorded on 3 August for a quarter that closed on 30 June: met, but late.
            var q2 = obligation("wangjun", "GUIDANCE_OPINION", "2026-Q2");
            assertThat(q2.get("status").asString()).isEqualTo("MET_LATE");
            assertThat(q2.get("evidence").values())
                    .extracting(JsonNode::asString)
                    .containsExactly(opinion.id());
        });
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                topics.readAll(Topics.ASSESSMENT, Events.OBLIGATION_REOPENED.type()).stream()
                                        .map(r -> EventJson.read(r.value(), ObligationReopened.class))
                                        .filter(o -> o.bureau().equals(bureau)))
                        .extracting(o -> o.duty() + " " + o.period() + " " + o.reason())
                        .containsExactlyInAnyOrder(
                                "FOUR_TRUE_RESEARCH 2026-Q3 EVIDENCE_VOIDED",
                                "GUIDANCE_OPINION 2026-Q3 EVIDENCE_CORRECTED"));
    }

    /**
     * An upstream service's relay dies before publishing, is restarted, publishes, dies again before
     * acknowledging, and is restarted once more: the event reaches the topic (twice, with one
     * {@code ce_id}) and the obligation counts it once.
     */
    @Test
    void aRelayKilledBetweenWriteAndPublishStillGetsTheEventOutAndItCountsOnce() {
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);
        try (var client = MongoClients.create(mongoUri)) {
            var upstream = new MongoTemplate(client, "upstream-activity-" + bureau);
            var clock = Clock.fixed(Instant.parse("2026-08-03T02:00:00Z"), java.time.ZoneOffset.UTC);
            var outbox = new Outbox(upstream, clock, "urn:firstsec:activity-service");
            var inspection = activity("SUPERVISION_INSPECTION", "wangjun", LocalDate.of(2026, 6, 12));
            var event = outbox.event(
                    Events.ACTIVITY_LOGGED,
                    bureau + "/zgnf",
                    "activities/" + inspection.id(),
                    bureau,
                    path,
                    inspection);
            outbox.insert("activities", new UpstreamActivity(inspection.id()), List.of(event));
            assertThat(copiesOf(event.id())).isZero();

            var restarted = new OutboxRelay(upstream, kafka, List.of("activities"), 100, Duration.ofSeconds(10));
            var pending = restarted.pending("activities");
            assertThat(pending).hasSize(1);
            restarted.publish(pending.get(0));

            var restartedAgain = new OutboxRelay(upstream, kafka, List.of("activities"), 100, Duration.ofSeconds(10));
            assertThat(restartedAgain.relayPending()).isEqualTo(1);
            assertThat(restartedAgain.relayPending()).isZero();
            assertThat(copiesOf(event.id())).isEqualTo(2);

            topics.awaitConsumed("assessment-service", Topics.ACTIVITY, WAIT);
            topics.awaitConsumed("assessment-service", Topics.ORGANISATION, WAIT);
            assertMetOnceBy("SUPERVISION_INSPECTION", "2026", inspection.id());
        }
    }

    @Test
    void aQuarterlyReviewMeetsTheBureausDutyAndItsGradeScores() {
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);
        awaitObligation("wangjun", "QUARTERLY_REVIEW", "2026-Q3");

        var review = api.post(
                "/api/v1/bureaus/" + bureau + "/reviews",
                "{\"assignee\":\"wangjun\",\"quarter\":\"2026-Q3\",\"grade\":\"EXCELLENT\",\"comment\":\"谈心谈话扎实\"}");
        assertThat(review.status()).isEqualTo(201);
        var q2 = api.post(
                "/api/v1/bureaus/" + bureau + "/reviews",
                "{\"assignee\":\"wangjun\",\"quarter\":\"2026-Q2\",\"grade\":\"GOOD\"}");
        assertThat(q2.status()).isEqualTo(201);

        assertThat(status("wangjun", "QUARTERLY_REVIEW", "2026-Q3")).isEqualTo("MET");
        assertThat(status("wangjun", "QUARTERLY_REVIEW", "2026-Q2")).isEqualTo("MET_LATE"); // due 15 July
        assertThat(scoreLines("wangjun"))
                .contains("QUARTERLY_REVIEW 2026-Q3 GRADE EXCELLENT 10.0", "QUARTERLY_REVIEW 2026-Q2 GRADE GOOD 8.0");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                topics.readAll(Topics.ASSESSMENT, Events.REVIEW_RECORDED.type()).stream()
                                        .map(r -> EventJson.read(r.value(), ReviewRecorded.class))
                                        .filter(r -> r.bureau().equals(bureau)))
                        .extracting(r -> r.quarter() + " " + r.grade())
                        .containsExactlyInAnyOrder("2026-Q3 EXCELLENT", "2026-Q2 GOOD"));

        var future = api.post(
                "/api/v1/bureaus/" + bureau + "/reviews",
                "{\"assignee\":\"wangjun\",\"quarter\":\"2026-Q4\",\"grade\":\"GOOD\"}");
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/quarter");
        var stranger = api.post(
                "/api/v1/bureaus/" + bureau + "/reviews",
                "{\"assignee\":\"nobody\",\"quarter\":\"2026-Q3\",\"grade\":\"GOOD\"}");
        assertThat(stranger.status()).isEqualTo(422);
        var badGrade = api.post(
                "/api/v1/bureaus/" + bureau + "/reviews",
                "{\"assignee\":\"wangjun\",\"quarter\":\"2026-Q3\",\"grade\":\"SUPERB\"}");
        assertThat(badGrade.status()).isEqualTo(400);
        assertThat(badGrade.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theOfficeWaivesAnObligationWithAReasonAndItStaysWaivedUnlessTheWorkIsDone() {
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);
        var lecture = awaitObligation("wangjun", "PARTY_LECTURE", "2026-H2");

        var missing = api.post(
                "/api/v1/bureaus/" + bureau + "/obligations/"
                        + lecture.get("id").asString() + "/waive",
                "{}");
        assertThat(missing.status()).isEqualTo(422);
        var unknown = api.post("/api/v1/bureaus/" + bureau + "/obligations/nope/waive", "{\"reason\":\"病休\"}");
        assertThat(unknown.status()).isEqualTo(404);
        var waived = api.post(
                "/api/v1/bureaus/" + bureau + "/obligations/"
                        + lecture.get("id").asString() + "/waive",
                "{\"reason\":\"借调省局专班，经党委同意\",\"by\":\"dangjianban\"}");
        assertThat(waived.status()).isEqualTo(200);
        assertThat(waived.body().get("status").asString()).isEqualTo("WAIVED");

        // recomputation for other work leaves the waiver standing
        publish(
                Events.ACTIVITY_LOGGED,
                bureau + "/zgnf",
                activity("SERVICE_VISIT", "wangjun", LocalDate.of(2026, 7, 20)));
        topics.awaitConsumed("assessment-service", Topics.ACTIVITY, WAIT);
        assertThat(status("wangjun", "PARTY_LECTURE", "2026-H2")).isEqualTo("WAIVED");
        assertThat(obligation("wangjun", "PARTY_LECTURE", "2026-H2")
                        .get("waiver")
                        .get("by")
                        .asString())
                .isEqualTo("dangjianban");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                topics.readAll(Topics.ASSESSMENT, Events.OBLIGATION_WAIVED.type()).stream()
                                        .map(r -> EventJson.read(r.value(), ObligationWaived.class))
                                        .filter(w -> w.bureau().equals(bureau)))
                        .singleElement()
                        .satisfies(w -> {
                            assertThat(w.reason()).isEqualTo("WAIVED_BY_OFFICE");
                            assertThat(w.note()).isEqualTo("借调省局专班，经党委同意");
                        }));

        // the work done after all counts, and met work cannot be waived
        publish(
                Events.ACTIVITY_LOGGED,
                bureau + "/zgnf",
                activity("PARTY_LECTURE", "wangjun", LocalDate.of(2026, 7, 21)));
        topics.awaitConsumed("assessment-service", Topics.ACTIVITY, WAIT);
        assertThat(status("wangjun", "PARTY_LECTURE", "2026-H2")).isEqualTo("MET");
        var again = api.post(
                "/api/v1/bureaus/" + bureau + "/obligations/"
                        + lecture.get("id").asString() + "/waive",
                "{\"reason\":\"重复\"}");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void anObligationPastItsDueDayUnmetIsAnnouncedOverdueOnce() {
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);
        awaitObligation("wangjun", "FOUR_TRUE_RESEARCH", "2026-Q2");
        // A second recomputation (an unrelated activity) announces nothing again.
        publish(
                Events.ACTIVITY_LOGGED,
                bureau + "/zgnf",
                activity("SERVICE_VISIT", "wangjun", LocalDate.of(2026, 7, 20)));
        topics.awaitConsumed("assessment-service", Topics.ACTIVITY, WAIT);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                topics.readAll(Topics.ASSESSMENT, Events.OBLIGATION_OVERDUE.type()).stream()
                                        .map(r -> EventJson.read(r.value(), ObligationOverdue.class))
                                        .filter(o -> o.bureau().equals(bureau) && "wangjun".equals(o.assignee())))
                        .extracting(o -> o.duty() + " " + o.period())
                        .containsExactlyInAnyOrder(
                                "GUIDANCE_OPINION 2026-Q1",
                                "REPORT_HEARING 2026-Q1",
                                "FOUR_TRUE_RESEARCH 2026-Q1",
                                "GUIDANCE_OPINION 2026-Q2",
                                "REPORT_HEARING 2026-Q2",
                                "FOUR_TRUE_RESEARCH 2026-Q2",
                                "QUARTERLY_REVIEW 2026-Q1",
                                "QUARTERLY_REVIEW 2026-Q2",
                                "PARTY_LECTURE 2026-H1",
                                "KEY_PERSON_TALKS 2026-H1",
                                "ANNUAL_COMMITMENT 2026"));
    }

    @Test
    void talksMeetKeyPersonTalksAndCoverageShowsWhoIsMissing(@Autowired Scorecards scorecards) {
        register("lisi", "BRANCH_SECRETARY");
        register("chenwu", "BRANCH_COMMITTEE");
        register("zhaoliu", "GROUP_LEADER");
        register("sunqi");
        register("zhouba");
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);
        publish(Events.ACTIVITY_LOGGED, bureau + "/zgnf", talk("wangjun", LocalDate.of(2026, 7, 6), "lisi", "sunqi"));
        publish(
                Events.ACTIVITY_LOGGED,
                bureau + "/zgnf",
                talk("wangjun", LocalDate.of(2026, 7, 9), "chenwu", "zhaoliu"));
        topics.awaitConsumed("assessment-service", Topics.ACTIVITY, WAIT);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("wangjun", "KEY_PERSON_TALKS", "2026-H2"))
                        .isEqualTo("MET"));
        var coverage = api.get("/api/v1/bureaus/" + bureau + "/talk-coverage?assignee=wangjun&year=2026");
        assertThat(coverage.status()).isEqualTo(200);
        var year = coverage.body().get("parts").values().stream()
                .filter(p -> p.get("duty").asString().equals("MEMBER_TALK_COVERAGE"))
                .findFirst()
                .orElseThrow();
        assertThat(year.get("required").asInt()).isEqualTo(5);
        assertThat(year.get("covered").asInt()).isEqualTo(4);
        assertThat(year.get("missing").values()).extracting(JsonNode::asString).containsExactly("zhouba");
        assertThat(year.get("status").asString()).isEqualTo("OPEN");
        assertThat(scoreLines("wangjun")).contains("MEMBER_TALK_COVERAGE 2026 COVERAGE 4/5 8.0");
        assertThat(api.get("/api/v1/bureaus/" + bureau + "/talk-coverage?assignee=wangjun&year=1999")
                        .status())
                .isEqualTo(422);
        assertTotalsAreTheFullCardsReadFromTheListings(scorecards);
    }

    @Test
    void aCatalogueChangeRecomputesHistoryAndAnnouncesOnlyWhatChanged() {
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);
        var research = activity("FOUR_TRUE_RESEARCH", "wangjun", LocalDate.of(2026, 7, 2));
        publish(Events.ACTIVITY_LOGGED, bureau + "/zgnf", research);
        assertMetOnceBy("FOUR_TRUE_RESEARCH", "2026-Q3", research.id());
        int openedBefore = openedEvents().size();

        var invalid = api.put(
                "/api/v1/bureaus/" + bureau + "/catalogue/versions/2026.2",
                "{\"effectiveFrom\":\"2026-01-01\",\"duties\":[{\"code\":\"X\",\"name\":\"x\",\"scope\":\"ASSIGNMENT\",\"owedBy\":\"FIRST_SECRETARY\",\"cadence\":\"QUARTER\",\"rule\":\"ACTIVITIES\",\"fulfilledBy\":[\"DANCE\"]}]}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body().get("errors").get(0).get("pointer").asString())
                .isEqualTo("/duties/0/fulfilledBy/0");

        var catalogue = api.get("/api/v1/bureaus/" + bureau + "/catalogue");
        assertThat(catalogue.status()).isEqualTo(200);
        var changed = catalogue
                .body()
                .get("value")
                .toString()
                .replace(
                        "\"fulfilledBy\":[\"FOUR_TRUE_RESEARCH\"],\"minimumCount\":1",
                        "\"fulfilledBy\":[\"FOUR_TRUE_RESEARCH\"],\"minimumCount\":2");
        assertThat(changed).contains("\"minimumCount\":2");
        var saved = api.put("/api/v1/bureaus/" + bureau + "/catalogue/versions/2026.2", changed);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("bureau").asString()).isEqualTo(bureau);

        assertThat(status("wangjun", "FOUR_TRUE_RESEARCH", "2026-Q3")).isEqualTo("OPEN");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                topics.readAll(Topics.ASSESSMENT, Events.OBLIGATION_REOPENED.type()).stream()
                                        .map(r -> EventJson.read(r.value(), ObligationReopened.class))
                                        .filter(o -> o.bureau().equals(bureau)))
                        .extracting(o -> o.duty() + " " + o.period() + " " + o.reason())
                        .containsExactly("FOUR_TRUE_RESEARCH 2026-Q3 REQUIREMENTS_CHANGED"));
        assertThat(openedEvents()).hasSize(openedBefore);
        assertThat(api.get("/api/v1/bureaus/" + bureau + "/catalogue/versions")
                        .body()
                        .get("items")
                        .values())
                .extracting(v -> v.get("value").get("version").asString())
                .containsExactly("2026.2");
    }

    /**
     * With the branch section switched on, branches owe 三会一课 and 主题党日 too, and one lecture the
     * first secretary gives the branch is evidence for both his half-year lecture and the branch's
     * quarterly 党课.
     */
    @Test
    void oneLectureMeetsTheFirstSecretarysDutyAndTheBranchsOwn() {
        publish(Events.BUREAU_REGISTERED, bureau, new BureauRegistered(bureau, "测试局", "COUNTY", "js", path));
        publish(Events.BRANCH_ESTABLISHED, bureau, new BranchEstablished(bureau, path, "zgnf", "征管党支部", List.of()));
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);
        var catalogue = api.get("/api/v1/bureaus/" + bureau + "/catalogue")
                .body()
                .get("value")
                .toString();
        var withBranches = catalogue.replace("\"branchSection\":false", "\"branchSection\":true");
        assertThat(withBranches).contains("\"branchSection\":true");
        assertThat(api.put("/api/v1/bureaus/" + bureau + "/catalogue/versions/2026.b", withBranches)
                        .status())
                .isEqualTo(200);
        var lecture = activity("PARTY_LECTURE", "wangjun", LocalDate.of(2026, 7, 15));
        publish(Events.ACTIVITY_LOGGED, bureau + "/zgnf", lecture);
        topics.awaitConsumed("assessment-service", Topics.ACTIVITY, WAIT);

        await().atMost(WAIT).untilAsserted(() -> {
            var branchOwn = api
                    .get("/api/v1/bureaus/" + bureau + "/obligations?branch=zgnf&year=2026&size=500")
                    .body()
                    .get("items")
                    .values()
                    .stream()
                    .filter(o -> "BRANCH".equals(o.get("owedBy").asString()))
                    .toList();
            // 4 general meetings + 12 committee meetings + 12 group meetings + 4 lectures + 12 themed days
            assertThat(branchOwn).hasSize(44);
            var q3 = branchOwn.stream()
                    .filter(o -> o.get("duty").asString().equals("BRANCH_PARTY_LECTURE")
                            && o.get("period").asString().equals("2026-Q3"))
                    .findFirst()
                    .orElseThrow();
            assertThat(q3.get("status").asString()).isEqualTo("MET");
            assertThat(q3.get("evidence").get(0).asString()).isEqualTo(lecture.id());
        });
        assertMetOnceBy("PARTY_LECTURE", "2026-H2", lecture.id());
    }

    @Test
    void aScoringPolicyChangeRescoresHistory() {
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);
        var research = activity("FOUR_TRUE_RESEARCH", "wangjun", LocalDate.of(2026, 7, 2));
        publish(Events.ACTIVITY_LOGGED, bureau + "/zgnf", research);
        assertMetOnceBy("FOUR_TRUE_RESEARCH", "2026-Q3", research.id());
        assertThat(scoreLines("wangjun")).containsExactly("FOUR_TRUE_RESEARCH 2026-Q3 MET 3.0");

        var bad = api.put(
                "/api/v1/bureaus/" + bureau + "/scoring-policy/versions/2026.2",
                "{\"effectiveFrom\":\"2026-01-01\",\"duties\":{\"FOUR_TRUE_RESEARCH\":{\"onTime\":5,\"late\":9}}}");
        assertThat(bad.status()).isEqualTo(422);
        var saved = api.put(
                "/api/v1/bureaus/" + bureau + "/scoring-policy/versions/2026.2",
                "{\"effectiveFrom\":\"2026-01-01\",\"duties\":{\"FOUR_TRUE_RESEARCH\":{\"onTime\":7,\"late\":4}}}");
        assertThat(saved.status()).isEqualTo(200);

        assertThat(scoreLines("wangjun")).containsExactly("FOUR_TRUE_RESEARCH 2026-Q3 MET 7.0");
        var card = api.get("/api/v1/bureaus/" + bureau + "/scorecards?year=2026")
                .body()
                .get("items")
                .get(0);
        assertThat(card.get("total").asDouble()).isEqualTo(7.0);
        assertThat(card.get("breakdown").get(0).get("evidence").get(0).asString())
                .isEqualTo(research.id());
    }

    @Test
    void theQuarterFlagGoesToTheBestUnlessVetoedAndGroupsRankApart(@Autowired Scorecards scorecards) {
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);
        assign("zhoumin", "jcdzb", LocalDate.of(2026, 1, 1), null);
        for (String type : List.of("FOUR_TRUE_RESEARCH", "GUIDANCE_OPINION", "REPORT_HEARING")) {
            publish(Events.ACTIVITY_LOGGED, bureau + "/zgnf", activity(type, "wangjun", LocalDate.of(2026, 7, 2)));
        }
        publish(
                Events.ACTIVITY_LOGGED,
                bureau + "/jcdzb",
                activityIn("jcdzb", "FOUR_TRUE_RESEARCH", "zhoumin", LocalDate.of(2026, 7, 3)));
        topics.awaitConsumed("assessment-service", Topics.ACTIVITY, WAIT);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("wangjun", "REPORT_HEARING", "2026-Q3"))
                        .isEqualTo("MET"));

        assertThat(ranking("2026-Q3")).containsExactly("1 wangjun 9.0 true", "2 zhoumin 3.0 false");
        assertThat(ranking("2026-08")).containsExactly("1 wangjun 9.0 false", "2 zhoumin 3.0 false");
        assertThat(ranking("2026-07")).containsExactly("1 wangjun 0.0 false", "1 zhoumin 0.0 false");

        api.post(
                "/api/v1/bureaus/" + bureau + "/reviews",
                "{\"assignee\":\"wangjun\",\"quarter\":\"2026-Q3\",\"grade\":\"POOR\"}");
        assertThat(ranking("2026-Q3")).containsExactly("1 wangjun 9.0 false", "2 zhoumin 3.0 true");

        var groups = api.put(
                "/api/v1/bureaus/" + bureau + "/competition-groups",
                "{\"groups\":[{\"code\":\"jiguan\",\"name\":\"机关组\",\"members\":[\"zhoumin\"]}]}");
        assertThat(groups.status()).isEqualTo(200);
        assertThat(ranking("2026")).containsExactlyInAnyOrder("1 wangjun 9.0 false", "1 zhoumin 3.0 false");
        assertThat(api.put(
                                "/api/v1/bureaus/" + bureau + "/competition-groups",
                                "{\"groups\":[{\"code\":\"x\",\"name\":\"x\",\"members\":[\"nobody\"]}]}")
                        .status())
                .isEqualTo(422);
        assertThat(api.get("/api/v1/bureaus/" + bureau + "/rankings?period=2026-H1")
                        .status())
                .isEqualTo(422);

        assertTotalsAreTheFullCardsReadFromTheListings(scorecards);
    }

    /** Rankings score from the listings: every line as the full scorecard has it but the evidence, no obligation read. */
    private void assertTotalsAreTheFullCardsReadFromTheListings(Scorecards scorecards) {
        Function<List<Scorecard>, List<String>> lines = cards -> cards.stream()
                .flatMap(c -> c.breakdown().stream()
                        .map(l -> c.assignee() + " " + l.duty() + " " + l.period() + " " + l.basis() + " " + l.points()
                                + " " + l.earnedOn()))
                .toList();
        var full = scorecards.ofBureau(bureau, 2026);
        assertThat(full).flatExtracting(Scorecard::breakdown).isNotEmpty();
        var totals = new java.util.ArrayList<List<String>>();
        var commands = StoreCommands.shared()
                .sentBy(() -> totals.add(lines.apply(scorecards
                        .totalsOf(List.of(new Bureau(bureau, bureau, null, path)), 2026)
                        .get(bureau))));
        assertThat(totals.get(0)).isEqualTo(lines.apply(full));
        assertThat(commands).noneMatch(c -> c.endsWith(" " + ObligationBook.OBLIGATIONS));
    }

    @Test
    void theBureauMeetingReportComesAsJsonHtmlAndAWorkbookAndFilingItMeetsTheDuty() throws Exception {
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);
        publish(
                Events.ACTIVITY_LOGGED,
                bureau + "/zgnf",
                activity("FOUR_TRUE_RESEARCH", "wangjun", LocalDate.of(2026, 8, 1)));
        assertMetOnceBy("FOUR_TRUE_RESEARCH", "2026-Q3", null);

        var report = api.get("/api/v1/bureaus/" + bureau + "/reports/bureau-meeting/2026-08");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().get("summary").get("firstSecretaries").asInt()).isEqualTo(1);
        assertThat(report.body()
                        .get("firstSecretaries")
                        .get(0)
                        .get("metThisMonth")
                        .values())
                .extracting(JsonNode::asString)
                .containsExactly("FOUR_TRUE_RESEARCH 2026-Q3");
        assertThat(report.body().get("behind").values())
                .extracting(
                        b -> b.get("duty").asString() + " " + b.get("period").asString())
                .contains("PARTY_LECTURE 2026-H1", "GUIDANCE_OPINION 2026-Q2");
        assertThat(report.body().get("highlights").values()).hasSize(1);
        assertThat(report.body().has("remarks")).isFalse();

        var remarks = api.put(
                "/api/v1/bureaus/" + bureau + "/reports/bureau-meeting/2026-08/remarks",
                "{\"text\":\"下月重点督促上半年党课补课。\\n<b>请各支部配合。</b>\"}");
        assertThat(remarks.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/bureaus/" + bureau + "/reports/bureau-meeting/2026-08")
                        .body()
                        .get("remarks")
                        .get("text")
                        .asString())
                .startsWith("下月重点督促");
        assertThat(api.put(
                                "/api/v1/bureaus/" + bureau + "/reports/bureau-meeting/2026-08/remarks",
                                "{\"text\":\"" + "长".repeat(5001) + "\"}")
                        .status())
                .isEqualTo(422);

        var html = api.download("/api/v1/bureaus/" + bureau + "/reports/bureau-meeting/2026-08?format=html");
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(new String(html.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("第一书记工作情况专题汇报", "滞后事项", "专题党课辅导", "王军")
                .contains("<h2>七、党建办工作说明</h2><p>下月重点督促上半年党课补课。</p><p>&lt;b&gt;请各支部配合。")
                .doesNotContain("<b>请各支部");
        var xlsx = api.download("/api/v1/bureaus/" + bureau + "/reports/bureau-meeting/2026-08?format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        try (var workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheet("履职情况").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("wangjun");
            assertThat(workbook.getSheet("季考夺旗")).isNotNull();
            assertThat(workbook.getSheet("工作说明").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("下月重点督促上半年党课补课。");
        }
        assertThat(api.get("/api/v1/bureaus/" + bureau + "/reports/bureau-meeting/2026-13")
                        .status())
                .isEqualTo(422);
        assertThat(api.get("/api/v1/bureaus/" + bureau + "/reports/bureau-meeting/2026-09")
                        .status())
                .isEqualTo(422);

        var filed = api.post(
                "/api/v1/bureaus/" + bureau + "/reports/bureau-meeting/2026-07/filing",
                "{\"filedBy\":\"dangjianban\"}");
        assertThat(filed.status()).isEqualTo(200);
        // filed again at once, while the first filing's event may still wait for the relay
        var again = api.post(
                "/api/v1/bureaus/" + bureau + "/reports/bureau-meeting/2026-07/filing", "{\"filedBy\":\"bangongshi\"}");
        assertThat(again.status()).as("%s", again.body()).isEqualTo(200);
        assertThat(again.body().get("filedBy").asString()).isEqualTo("bangongshi");
        var bureauDuty = api.get("/api/v1/bureaus/" + bureau + "/obligations?duty=BUREAU_MEETING_REPORT&period=2026-07")
                .body()
                .get("items")
                .get(0);
        assertThat(bureauDuty.get("status").asString()).isEqualTo("MET");
        assertThat(bureauDuty.get("owedBy").asString()).isEqualTo("BUREAU");
    }

    @Test
    void complianceRollsUpBranchesBureausAndDescendants() {
        String child = bureau + "-c";
        publish(Events.BUREAU_REGISTERED, bureau, new BureauRegistered(bureau, "市局", "MUNICIPAL", "js", path));
        topics.publish(
                Events.BUREAU_REGISTERED,
                child,
                UUID.randomUUID().toString(),
                child,
                new BureauRegistered(child, "县局", "COUNTY", bureau, List.of("js", bureau, child)));
        topics.publish(
                Events.FIRST_SECRETARY_ASSIGNED,
                child,
                UUID.randomUUID().toString(),
                child,
                new FirstSecretaryAssigned(
                        child,
                        List.of("js", bureau, child),
                        child + ":a",
                        "liuyi",
                        "刘一",
                        "swzb",
                        LocalDate.of(2026, 1, 1),
                        null));
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);
        publish(
                Events.ACTIVITY_LOGGED,
                bureau + "/zgnf",
                activity("FOUR_TRUE_RESEARCH", "wangjun", LocalDate.of(2026, 5, 2)));
        topics.awaitConsumed("assessment-service", Topics.ACTIVITY, WAIT);

        await().atMost(WAIT).untilAsserted(() -> {
            var rollup = api.get("/api/v1/bureaus/" + bureau + "/compliance?year=2026&includeDescendants=true")
                    .body();
            assertThat(rollup.get("bureaus").values())
                    .extracting(b -> b.get("bureau").asString())
                    .containsExactlyInAnyOrder(bureau, child);
            var own = rollup.get("bureaus").values().stream()
                    .filter(b -> b.get("bureau").asString().equals(bureau))
                    .findFirst()
                    .orElseThrow();
            var zgnf = own.get("branches").get(0);
            assertThat(zgnf.get("branch").asString()).isEqualTo("zgnf");
            // due by 3 August: Q1 and Q2 (3 duties each), H1 (2), the commitment: 9, one met (late)
            assertThat(zgnf.get("compliance").get("metLate").asInt()).isEqualTo(1);
            assertThat(zgnf.get("compliance").get("overdue").asInt()).isEqualTo(8);
            assertThat(zgnf.get("compliance").get("complianceRate").asDouble()).isEqualTo(0.1111);
            assertThat(rollup.get("total").get("overdue").asInt())
                    .isEqualTo(own.get("compliance").get("overdue").asInt()
                            + rollup.get("bureaus").values().stream()
                                    .filter(b -> b.get("bureau").asString().equals(child))
                                    .findFirst()
                                    .orElseThrow()
                                    .get("compliance")
                                    .get("overdue")
                                    .asInt());
        });

        // ranked together, each bureau ranks within its own groups, as each does alone
        for (String period : List.of("2026-Q2", "2026")) {
            var together = api.get(
                            "/api/v1/bureaus/" + bureau + "/rankings?period=" + period + "&includeDescendants=true")
                    .body()
                    .get("items")
                    .values();
            var alone = new ArrayList<JsonNode>();
            alone.addAll(api.get("/api/v1/bureaus/" + bureau + "/rankings?period=" + period)
                    .body()
                    .get("items")
                    .values());
            alone.addAll(api.get("/api/v1/bureaus/" + child + "/rankings?period=" + period)
                    .body()
                    .get("items")
                    .values());
            assertThat(together).containsExactlyInAnyOrderElementsOf(alone);
            assertThat(together).extracting(s -> s.get("assignee").asString()).contains("wangjun", "liuyi");
        }
    }

    /**
     * An operator's rebuild replays the topics into a fresh generation and switches to it: the
     * obligations come out the same (the office's waiver included), nothing is announced again, and
     * new work afterwards is assessed and announced in the new generation.
     */
    @Test
    void aRebuildFromTheTopicsEqualsTheLiveProjectionsAndAnnouncesNothingAgain() {
        register("lisi", "BRANCH_SECRETARY");
        register("sunqi");
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);
        var research = activity("FOUR_TRUE_RESEARCH", "wangjun", LocalDate.of(2026, 5, 2));
        var lecture = activity("PARTY_LECTURE", "wangjun", LocalDate.of(2026, 7, 2));
        for (var logged : List.of(research, lecture, talk("wangjun", LocalDate.of(2026, 7, 6), "lisi"))) {
            publish(Events.ACTIVITY_LOGGED, bureau + "/zgnf", logged);
        }
        publish(
                Events.ACTIVITY_VOIDED,
                bureau + "/zgnf",
                new ActivityVoided(
                        lecture.id(), bureau, path, "zgnf", "录错", null, Instant.parse("2026-08-03T01:00:00Z")));
        topics.awaitConsumed("assessment-service", Topics.ACTIVITY, WAIT);
        var opinion = awaitObligation("wangjun", "GUIDANCE_OPINION", "2026-Q3");
        assertThat(api.post(
                                "/api/v1/bureaus/" + bureau + "/obligations/"
                                        + opinion.get("id").asString() + "/waive",
                                "{\"reason\":\"借调\"}")
                        .status())
                .isEqualTo(200);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(status("wangjun", "KEY_PERSON_TALKS", "2026-H2"))
                        .isEqualTo("MET"));
        var before = snapshot();
        relay.relayPending();
        long announced = assessmentEvents();
        var management = new ApiClient(
                "http://127.0.0.1:" + managementPort, TestIssuer.shared().operator());
        int generation = management
                .get("/actuator/projections")
                .body()
                .get("liveGeneration")
                .asInt();
        assertThat(management
                        .as(TestIssuer.shared().office(bureau))
                        .post("/actuator/projections", "{}")
                        .status())
                .as("a rebuild is the operator's")
                .isEqualTo(403);

        var started = management.post("/actuator/projections", "{}");
        assertThat(started.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var status = management.get("/actuator/projections").body();
            assertThat(status.get("phase").asString()).isEqualTo("DONE");
            assertThat(status.get("liveGeneration").asInt()).isEqualTo(generation + 1);
        });

        assertThat(snapshot()).isEqualTo(before);
        relay.relayPending();
        assertThat(assessmentEvents()).isEqualTo(announced);
        assertThat(status("wangjun", "GUIDANCE_OPINION", "2026-Q3")).isEqualTo("WAIVED");
        publish(
                Events.ACTIVITY_LOGGED,
                bureau + "/zgnf",
                activity("REPORT_HEARING", "wangjun", LocalDate.of(2026, 7, 30)));
        assertMetOnceBy("REPORT_HEARING", "2026-Q3", null);
        // the only new event of this bureau: that hearing's fulfilment
        await().atMost(WAIT).untilAsserted(() -> assertThat(assessmentEvents()).isEqualTo(announced + 1));
    }

    /** Every obligation of the bureau, as the API shows it, by id. */
    private java.util.Map<String, String> snapshot() {
        var all = new java.util.TreeMap<String, String>();
        var items = api.get("/api/v1/bureaus/" + bureau + "/obligations?size=500")
                .body()
                .get("items");
        items.values().forEach(o -> all.put(o.get("id").asString(), o.toString()));
        return all;
    }

    /** Distinct events of this bureau on the assessment topic (a relay may publish one twice). */
    private long assessmentEvents() {
        return topics.readAll(Topics.ASSESSMENT).stream()
                .filter(r -> TopicProbe.header(r, "ce_bureau").orElse("").equals(bureau))
                .map(r -> TopicProbe.header(r, "ce_id").orElseThrow())
                .distinct()
                .count();
    }

    private JsonNode awaitObligation(String assignee, String duty, String period) {
        await().atMost(WAIT)
                .until(() -> obligations(assignee).stream()
                        .anyMatch(o -> o.get("duty").asString().equals(duty)
                                && o.get("period").asString().equals(period)));
        return obligation(assignee, duty, period);
    }

    private List<String> scoreLines(String assignee) {
        var cards = api.get("/api/v1/bureaus/" + bureau + "/scorecards?year=2026&assignee=" + assignee);
        assertThat(cards.status()).isEqualTo(200);
        return cards.body().get("items").get(0).get("breakdown").values().stream()
                .map(l -> l.get("duty").asString() + " " + l.get("period").asString() + " "
                        + l.get("basis").asString() + " " + l.get("points").asDouble())
                .toList();
    }

    private List<String> ranking(String period) {
        var ranking = api.get("/api/v1/bureaus/" + bureau + "/rankings?period=" + period);
        assertThat(ranking.status()).isEqualTo(200);
        return ranking.body().get("items").values().stream()
                .map(s -> s.get("rank").asInt() + " " + s.get("assignee").asString() + " "
                        + s.get("score").asDouble() + " " + s.get("flag").asBoolean())
                .toList();
    }

    private void register(String member, String... roles) {
        publish(
                Events.MEMBER_REGISTERED,
                bureau,
                new MemberRegistered(
                        bureau,
                        path,
                        member,
                        member,
                        null,
                        null,
                        List.of(roles),
                        "zgnf",
                        null,
                        LocalDate.of(2010, 7, 1)));
    }

    private ActivityLogged talk(String actor, LocalDate on, String... participants) {
        return new ActivityLogged(
                UUID.randomUUID().toString(),
                bureau,
                path,
                "TALK",
                "zgnf",
                actor,
                on,
                "谈心谈话",
                List.of(participants),
                null,
                Instant.parse("2026-08-03T01:00:00Z"));
    }

    private ActivityLogged activityIn(String branch, String type, String actor, LocalDate occurredOn) {
        return new ActivityLogged(
                UUID.randomUUID().toString(),
                bureau,
                path,
                type,
                branch,
                actor,
                occurredOn,
                "记录",
                List.of(),
                null,
                Instant.parse("2026-08-03T01:00:00Z"));
    }

    private void assertMetOnceBy(String duty, String period, String activityId) {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode obligation = obligation("wangjun", duty, period);
            assertThat(obligation.get("status").asString()).isEqualTo("MET");
            if (activityId != null) {
                assertThat(obligation.get("evidence").values())
                        .extracting(JsonNode::asString)
                        .containsExactly(activityId);
            }
        });
        topics.awaitConsumed("assessment-service", Topics.ACTIVITY, WAIT);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                topics.readAll(Topics.ASSESSMENT, Events.OBLIGATION_FULFILLED.type()).stream()
                                        .map(r -> EventJson.read(r.value(), ObligationFulfilled.class))
                                        .filter(f -> f.bureau().equals(bureau)
                                                && f.duty().equals(duty)
                                                && f.period().equals(period)))
                        .singleElement()
                        .satisfies(f -> {
                            if (activityId != null) {
                                assertThat(f.evidence()).containsExactly(activityId);
                            }
                        }));
    }

    private List<ObligationOpened> openedEvents() {
        return topics.readAll(Topics.ASSESSMENT, Events.OBLIGATION_OPENED.type()).stream()
                .map(r -> EventJson.read(r.value(), ObligationOpened.class))
                .filter(o -> o.bureau().equals(bureau) && "wangjun".equals(o.assignee()))
                .toList();
    }

    private long copiesOf(String eventId) {
        return topics.readAll(Topics.ACTIVITY).stream()
                .filter(r -> TopicProbe.header(r, "ce_id").orElse("").equals(eventId))
                .count();
    }

    /** Puts {@code payload} on its topic as a new event of this test's bureau. */
    private <T> void publish(EventType<T> type, String key, T payload) {
        topics.publish(type, key, UUID.randomUUID().toString(), bureau, payload);
    }

    private void assign(String member, String branch, LocalDate from, LocalDate to) {
        publish(
                Events.FIRST_SECRETARY_ASSIGNED,
                bureau,
                new FirstSecretaryAssigned(
                        bureau, path, bureau + ":" + branch + ":" + from, member, "王军", branch, from, to));
        topics.awaitConsumed("assessment-service", Topics.ORGANISATION, WAIT);
    }

    private ActivityLogged activity(String type, String actor, LocalDate occurredOn) {
        return new ActivityLogged(
                UUID.randomUUID().toString(),
                bureau,
                path,
                type,
                "zgnf",
                actor,
                occurredOn,
                "记录",
                List.of(),
                null,
                Instant.parse("2026-08-03T01:00:00Z"));
    }

    private List<JsonNode> obligations(String assignee) {
        var response = api.get("/api/v1/bureaus/" + bureau + "/obligations?assignee=" + assignee + "&year=2026");
        assertThat(response.status()).isEqualTo(200);
        return new ArrayList<>(response.body().get("items").values());
    }

    private JsonNode obligation(String assignee, String duty, String period) {
        return obligations(assignee).stream()
                .filter(o -> o.get("duty").asString().equals(duty)
                        && o.get("period").asString().equals(period))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No obligation " + duty + " " + period));
    }

    private String status(String assignee, String duty, String period) {
        return obligation(assignee, duty, period).get("status").asString();
    }

    record UpstreamActivity(@Id String id) {}

    /** The document integrators read says what the API does. */
    @Test
    void theApiDocumentTellsTheTruth() {
        var document = api.get("/v3/api-docs");

        assertThat(ApiDocumentLint.problems(document.body(), "http://127.0.0.1:8080"))
                .isEmpty();
    }

    /**
     * Read whole by design: a rebuild computes from every assignment, branch, bureau and waiver;
     * the clock's year roll-over and the ranking publisher go through every assignment and bureau;
     * an older store's obligations are listed under their keys once.
     */
    static final List<String> SCANS_BY_DESIGN =
            List.of(Facts.ASSIGNMENTS, Facts.BRANCHES, Facts.BUREAUS, Facts.WAIVERS, ObligationBook.OBLIGATIONS);

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
