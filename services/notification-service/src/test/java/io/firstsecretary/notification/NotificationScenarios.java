package io.firstsecretary.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firstsecretary.contracts.EventJson;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.contracts.assessment.ObligationFulfilled;
import io.firstsecretary.contracts.assessment.ObligationOpened;
import io.firstsecretary.contracts.assessment.ObligationReopened;
import io.firstsecretary.contracts.assessment.ObligationRescheduled;
import io.firstsecretary.contracts.notification.ReminderCancelled;
import io.firstsecretary.contracts.notification.ReminderScheduled;
import io.firstsecretary.infra.testing.ApiClient;
import io.firstsecretary.infra.testing.TopicProbe;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The notification service against a real broker and store; subclasses say which ones. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "firstsec.clock.fixed=2026-08-03T02:00:00Z")
abstract class NotificationScenarios {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    ApiClient api;
    TopicProbe topics;
    String bureau;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://127.0.0.1:" + port);
        topics = new TopicProbe(bootstrapServers);
        bureau = "b" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void close() {
        topics.close();
    }

    @Test
    void remindsFourteenAndThreeDaysBeforeTheDueDateAtNine() {
        var lecture = opened("PARTY_LECTURE", "2026-H2", LocalDate.of(2026, 12, 31));
        var pastDue = opened("REPORT_HEARING", "2026-Q2", LocalDate.of(2026, 6, 30));
        var soon = opened("FOUR_TRUE_RESEARCH", "2026-Q3", LocalDate.of(2026, 8, 10));
        publish(Events.OBLIGATION_OPENED, lecture.id(), lecture);
        publish(Events.OBLIGATION_OPENED, pastDue.id(), pastDue);
        publish(Events.OBLIGATION_OPENED, soon.id(), soon);
        topics.awaitConsumed("notification-service", Topics.ASSESSMENT, WAIT);

        assertThat(reminders())
                .extracting(r -> r.get("duty").asString() + " " + r.get("stage").asString() + " "
                        + r.get("scheduledFor").asString() + " "
                        + r.get("status").asString())
                .containsExactlyInAnyOrder(
                        "FOUR_TRUE_RESEARCH DUE_SOON 2026-08-07T01:00:00Z SCHEDULED",
                        "PARTY_LECTURE DUE_SOON 2026-12-17T01:00:00Z SCHEDULED",
                        "PARTY_LECTURE DUE_SOON 2026-12-28T01:00:00Z SCHEDULED")
                .hasSize(3);
    }

    @Test
    void fulfillingCancelsThePendingRemindersOnceEvenWhenEventsAreRedelivered() {
        var lecture = opened("PARTY_LECTURE", "2026-H2", LocalDate.of(2026, 12, 31));
        var research = opened("FOUR_TRUE_RESEARCH", "2026-Q4", LocalDate.of(2026, 12, 31));
        publish(Events.OBLIGATION_OPENED, lecture.id(), lecture);
        publish(Events.OBLIGATION_OPENED, research.id(), research);
        var met = new ObligationFulfilled(
                lecture.id(),
                bureau,
                lecture.bureauPath(),
                lecture.duty(),
                lecture.period(),
                lecture.assignee(),
                lecture.branch(),
                lecture.dueOn(),
                "MET",
                List.of("activity-1"));
        publish(Events.OBLIGATION_FULFILLED, lecture.id(), met);
        publish(Events.OBLIGATION_FULFILLED, lecture.id(), met);
        publish(Events.OBLIGATION_OPENED, lecture.id(), lecture);
        topics.awaitConsumed("notification-service", Topics.ASSESSMENT, WAIT);

        assertThat(reminders())
                .extracting(
                        r -> r.get("duty").asString() + " " + r.get("status").asString())
                .containsExactlyInAnyOrder(
                        "PARTY_LECTURE CANCELLED",
                        "PARTY_LECTURE CANCELLED",
                        "FOUR_TRUE_RESEARCH SCHEDULED",
                        "FOUR_TRUE_RESEARCH SCHEDULED");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(topics.readAll(Topics.NOTIFICATION, Events.REMINDER_SCHEDULED.type()).stream()
                            .map(r -> EventJson.read(r.value(), ReminderScheduled.class))
                            .filter(r -> r.bureau().equals(bureau)))
                    .hasSize(4);
            assertThat(topics.readAll(Topics.NOTIFICATION, Events.REMINDER_CANCELLED.type()).stream()
                            .map(r -> EventJson.read(r.value(), ReminderCancelled.class))
                            .filter(r -> r.bureau().equals(bureau)))
                    .hasSize(2)
                    .allSatisfy(r -> assertThat(r.obligation()).isEqualTo(lecture.id()));
        });
    }

    @Test
    void aReopenedObligationIsRemindedAgain() {
        var lecture = opened("PARTY_LECTURE", "2026-H2", LocalDate.of(2026, 12, 31));
        publish(Events.OBLIGATION_OPENED, lecture.id(), lecture);
        publish(
                Events.OBLIGATION_FULFILLED,
                lecture.id(),
                new ObligationFulfilled(
                        lecture.id(),
                        bureau,
                        lecture.bureauPath(),
                        lecture.duty(),
                        lecture.period(),
                        lecture.assignee(),
                        lecture.branch(),
                        lecture.dueOn(),
                        "MET",
                        List.of("activity-1")));
        topics.awaitConsumed("notification-service", Topics.ASSESSMENT, WAIT);
        assertThat(reminders()).extracting(r -> r.get("status").asString()).containsOnly("CANCELLED");

        publish(
                Events.OBLIGATION_REOPENED,
                lecture.id(),
                new ObligationReopened(
                        lecture.id(),
                        bureau,
                        lecture.bureauPath(),
                        lecture.duty(),
                        lecture.period(),
                        lecture.assignee(),
                        lecture.branch(),
                        lecture.dueOn(),
                        "EVIDENCE_VOIDED",
                        List.of()));
        topics.awaitConsumed("notification-service", Topics.ASSESSMENT, WAIT);
        assertThat(reminders())
                .extracting(r ->
                        r.get("scheduledFor").asString() + " " + r.get("status").asString())
                .containsExactlyInAnyOrder("2026-12-17T01:00:00Z SCHEDULED", "2026-12-28T01:00:00Z SCHEDULED");
    }

    /**
     * A term ending early moves an obligation's due day forward: reminders move with it, one whose
     * new time has passed is withdrawn, and a bureau-owed obligation never reminds the first secretary.
     */
    @Test
    void remindersFollowADueDayThatMoves() {
        var lecture = opened("PARTY_LECTURE", "2026-H2", LocalDate.of(2026, 12, 31));
        var research = opened("FOUR_TRUE_RESEARCH", "2026-Q3", LocalDate.of(2026, 9, 30));
        publish(Events.OBLIGATION_OPENED, lecture.id(), lecture);
        publish(Events.OBLIGATION_OPENED, research.id(), research);
        publish(Events.OBLIGATION_RESCHEDULED, lecture.id(), rescheduled(lecture, LocalDate.of(2026, 11, 30)));
        publish(Events.OBLIGATION_RESCHEDULED, research.id(), rescheduled(research, LocalDate.of(2026, 8, 5)));
        var review = new ObligationOpened(
                UUID.randomUUID().toString(),
                bureau,
                List.of("js", bureau),
                "QUARTERLY_REVIEW",
                "2026-Q3",
                "wangjun",
                "zgnf",
                LocalDate.of(2026, 10, 15),
                "BUREAU");
        publish(Events.OBLIGATION_OPENED, review.id(), review);
        topics.awaitConsumed("notification-service", Topics.ASSESSMENT, WAIT);

        assertThat(reminders())
                .extracting(r ->
                        r.get("duty").asString() + " " + r.get("scheduledFor").asString() + " "
                                + r.get("status").asString())
                .containsExactlyInAnyOrder(
                        "PARTY_LECTURE 2026-11-16T01:00:00Z SCHEDULED",
                        "PARTY_LECTURE 2026-11-27T01:00:00Z SCHEDULED",
                        "FOUR_TRUE_RESEARCH 2026-09-16T01:00:00Z CANCELLED",
                        "FOUR_TRUE_RESEARCH 2026-09-27T01:00:00Z CANCELLED");
    }

    /** A bureau's new policy moves its pending reminders at once; bad policies are refused whole. */
    @Test
    void aPolicyChangeReschedulesThePendingReminders() {
        var lecture = opened("PARTY_LECTURE", "2026-H2", LocalDate.of(2026, 12, 31));
        publish(Events.OBLIGATION_OPENED, lecture.id(), lecture);
        topics.awaitConsumed("notification-service", Topics.ASSESSMENT, WAIT);
        String policy = "/api/v1/bureaus/" + bureau + "/reminder-policy";
        assertThat(api.get(policy).body().toString())
                .isEqualTo(
                        "{\"dueSoonDays\":[14,3],\"overdueDays\":1,\"quietHours\":{\"from\":\"22:00\",\"to\":\"07:00\"}}");

        var bad = api.put(
                policy,
                "{\"dueSoonDays\":[0,7,7],\"overdueDays\":1,\"quietHours\":{\"from\":\"25:00\",\"to\":\"07:00\"}}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().get("errors").values())
                .extracting(e -> e.get("pointer").asString())
                .containsExactly("/dueSoonDays/0", "/dueSoonDays/2", "/quietHours/from");
        var saved = api.put(
                policy, "{\"dueSoonDays\":[7],\"overdueDays\":2,\"quietHours\":{\"from\":\"08:00\",\"to\":\"10:00\"}}");
        assertThat(saved.status()).isEqualTo(200);

        // seven days before, and 09:00 falls in the quiet hours: 10:00 Asia/Shanghai
        assertThat(reminders())
                .extracting(r ->
                        r.get("scheduledFor").asString() + " " + r.get("status").asString())
                .containsExactlyInAnyOrder(
                        "2026-12-17T01:00:00Z CANCELLED",
                        "2026-12-28T01:00:00Z CANCELLED",
                        "2026-12-24T02:00:00Z SCHEDULED");
        assertThat(api.get(policy).body().get("dueSoonDays").values()).hasSize(1);
    }

    private ObligationRescheduled rescheduled(ObligationOpened o, LocalDate dueOn) {
        return new ObligationRescheduled(
                o.id(),
                o.bureau(),
                o.bureauPath(),
                o.duty(),
                o.period(),
                o.assignee(),
                o.branch(),
                dueOn,
                o.dueOn(),
                "FIRST_SECRETARY");
    }

    @Test
    void filtersByRecipientAndStatusAndRejectsBadParameters() {
        var lecture = opened("PARTY_LECTURE", "2026-H2", LocalDate.of(2026, 12, 31));
        publish(Events.OBLIGATION_OPENED, lecture.id(), lecture);
        topics.awaitConsumed("notification-service", Topics.ASSESSMENT, WAIT);
        String base = "/api/v1/bureaus/" + bureau + "/reminders";
        assertThat(api.get(base + "?recipient=wangjun&status=SCHEDULED")
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
        assertThat(api.get(base + "?recipient=nobody").body().get("total").asLong())
                .isZero();
        var bad = api.get(base + "?status=LOST");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(api.get(base + "?size=0").status()).isEqualTo(422);
    }

    private ObligationOpened opened(String duty, String period, LocalDate dueOn) {
        return new ObligationOpened(
                UUID.randomUUID().toString(), bureau, List.of("js", bureau), duty, period, "wangjun", "zgnf", dueOn);
    }

    private <T> void publish(io.firstsecretary.contracts.EventType<T> type, String key, T payload) {
        topics.publish(type, key, UUID.randomUUID().toString(), bureau, payload);
    }

    private List<JsonNode> reminders() {
        var response = api.get("/api/v1/bureaus/" + bureau + "/reminders?size=500");
        assertThat(response.status()).isEqualTo(200);
        return new ArrayList<>(response.body().get("items").values());
    }
}
