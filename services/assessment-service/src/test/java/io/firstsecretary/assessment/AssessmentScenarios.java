package io.firstsecretary.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import io.firstsecretary.contracts.EventJson;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.contracts.activity.ActivityCorrected;
import io.firstsecretary.contracts.activity.ActivityLogged;
import io.firstsecretary.contracts.activity.ActivityVoided;
import io.firstsecretary.contracts.assessment.ObligationFulfilled;
import io.firstsecretary.contracts.assessment.ObligationOpened;
import io.firstsecretary.contracts.assessment.ObligationReopened;
import io.firstsecretary.contracts.organisation.FirstSecretaryAssigned;
import io.firstsecretary.infra.testing.ApiClient;
import io.firstsecretary.infra.testing.TopicProbe;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.outbox.OutboxRelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** The assessment service against a real broker and store; subclasses say which ones. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "firstsec.clock.fixed=2026-08-03T02:00:00Z")
abstract class AssessmentScenarios {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${spring.mongodb.uri}")
    String mongoUri;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    ApiClient api;
    TopicProbe topics;
    String bureau;
    List<String> path;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://127.0.0.1:" + port);
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

    @Test
    void evidenceThatArrivesBeforeTheAssignmentStillCounts() {
        var research = activity("FOUR_TRUE_RESEARCH", "wangjun", LocalDate.of(2026, 7, 2));
        topics.publish(
                Events.ACTIVITY_LOGGED, bureau + "/zgnf", UUID.randomUUID().toString(), bureau, research);
        topics.awaitConsumed("assessment-service", Topics.ACTIVITY, WAIT);
        assign("wangjun", "zgnf", LocalDate.of(2026, 1, 1), null);

        assertMetOnceBy("FOUR_TRUE_RESEARCH", "2026-Q3", research.id());
    }

    @Test
    void workOutsideTheTermOrByAnotherMemberIsNoEvidence() {
        assign("wangjun", "zgnf", LocalDate.of(2026, 7, 10), null);
        topics.publish(
                Events.ACTIVITY_LOGGED,
                bureau + "/zgnf",
                UUID.randomUUID().toString(),
                bureau,
                activity("GUIDANCE_OPINION", "wangjun", LocalDate.of(2026, 7, 1)));
        topics.publish(
                Events.ACTIVITY_LOGGED,
                bureau + "/zgnf",
                UUID.randomUUID().toString(),
                bureau,
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
        topics.publish(
                Events.ACTIVITY_LOGGED, bureau + "/zgnf", UUID.randomUUID().toString(), bureau, research);
        topics.publish(
                Events.ACTIVITY_LOGGED, bureau + "/zgnf", UUID.randomUUID().toString(), bureau, opinion);
        assertMetOnceBy("FOUR_TRUE_RESEARCH", "2026-Q3", research.id());
        assertMetOnceBy("GUIDANCE_OPINION", "2026-Q3", opinion.id());

        topics.publish(
                Events.ACTIVITY_VOIDED,
                bureau + "/zgnf",
                UUID.randomUUID().toString(),
                bureau,
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
        topics.publish(
                Events.ACTIVITY_CORRECTED,
                bureau + "/zgnf",
                UUID.randomUUID().toString(),
                bureau,
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
        topics.publish(
                Events.ACTIVITY_LOGGED, bureau + "/zgnf", UUID.randomUUID().toString(), bureau, research);
        topics.publish(
                Events.ACTIVITY_LOGGED, bureau + "/zgnf", UUID.randomUUID().toString(), bureau, opinion);
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

    private void assertMetOnceBy(String duty, String period, String activityId) {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode obligation = obligation("wangjun", duty, period);
            assertThat(obligation.get("status").asString()).isEqualTo("MET");
            assertThat(obligation.get("evidence").values())
                    .extracting(JsonNode::asString)
                    .containsExactly(activityId);
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
                        .satisfies(f -> assertThat(f.evidence()).containsExactly(activityId)));
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

    private void assign(String member, String branch, LocalDate from, LocalDate to) {
        topics.publish(
                Events.FIRST_SECRETARY_ASSIGNED,
                bureau,
                UUID.randomUUID().toString(),
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
}
