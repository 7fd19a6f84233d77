package io.firstsecretary.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firstsecretary.contracts.EventJson;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.contracts.activity.ActivityLogged;
import io.firstsecretary.contracts.activity.ActivityVoided;
import io.firstsecretary.contracts.assessment.ObligationFulfilled;
import io.firstsecretary.contracts.assessment.ObligationOpened;
import io.firstsecretary.contracts.assessment.ObligationOverdue;
import io.firstsecretary.contracts.assessment.ObligationReopened;
import io.firstsecretary.contracts.assessment.ObligationRescheduled;
import io.firstsecretary.contracts.notification.ReminderCancelled;
import io.firstsecretary.contracts.notification.ReminderFailed;
import io.firstsecretary.contracts.notification.ReminderScheduled;
import io.firstsecretary.contracts.notification.ReminderSent;
import io.firstsecretary.contracts.organisation.BranchEstablished;
import io.firstsecretary.contracts.organisation.BureauRegistered;
import io.firstsecretary.contracts.organisation.MemberRegistered;
import io.firstsecretary.infra.EmbeddedMailServer;
import io.firstsecretary.infra.FreePorts;
import io.firstsecretary.infra.testing.ApiClient;
import io.firstsecretary.infra.testing.ApiDocumentLint;
import io.firstsecretary.infra.testing.StoreCommands;
import io.firstsecretary.infra.testing.TestIssuer;
import io.firstsecretary.infra.testing.TopicProbe;
import io.firstsecretary.kit.store.StoreIndexes;
import io.firstsecretary.notification.support.Mailbox;
import io.firstsecretary.notification.support.WebhookReceiver;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

/**
 * The notification service against a real broker, store and mail server; subclasses say which broker
 * and store. The domain clock stands still on Tuesday 4 August 2026, 10:00 in Shanghai.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "firstsec.clock.fixed=2026-08-04T02:00:00Z",
            "firstsec.notification.delivery.interval=PT0.2S",
            "firstsec.notification.delivery.first-retry=PT0.3S",
            "firstsec.notification.delivery.longest-retry=PT1S",
            "firstsec.notification.delivery.attempts=3",
            "firstsec.notification.delivery.lease=PT10S",
            "firstsec.notification.digest.interval=PT0.5S",
            "firstsec.notification.link-base=https://firstsec.example.cn",
            // the receivers of these tests listen on loopback
            "firstsec.notification.webhooks.allow-loopback=true"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class NotificationScenarios {

    /** Tokens come from a test issuer: the service checks them as it checks the identity service's. */
    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestIssuer.shared().properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    static final EmbeddedMailServer MAIL = EmbeddedMailServer.start(FreePorts.next(), FreePorts.next());

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", MAIL::smtpPort);
    }

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    ApiClient api;
    TopicProbe topics;
    String bureau;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://127.0.0.1:" + port, TestIssuer.shared().operator());
        topics = new TopicProbe(bootstrapServers);
        bureau = "b" + UUID.randomUUID().toString().substring(0, 8);
        topics.publish(
                Events.BUREAU_REGISTERED,
                bureau,
                UUID.randomUUID().toString(),
                bureau,
                new BureauRegistered(bureau, "南通市" + bureau + "税务局", "COUNTY", "js", List.of("js", bureau)));
        topics.awaitConsumed("notification-service", Topics.ORGANISATION, WAIT);
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

        // the fourteen-day reminder of the research due on the 10th has passed: it goes out at once
        assertThat(reminders())
                .extracting(r -> r.get("duty").asString() + " " + r.get("stage").asString() + " "
                        + r.get("scheduledFor").asString())
                .containsExactlyInAnyOrder(
                        "FOUR_TRUE_RESEARCH DUE_SOON 2026-08-04T02:00:00Z",
                        "FOUR_TRUE_RESEARCH DUE_SOON 2026-08-07T01:00:00Z",
                        "PARTY_LECTURE DUE_SOON 2026-12-17T01:00:00Z",
                        "PARTY_LECTURE DUE_SOON 2026-12-28T01:00:00Z");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(reminders())
                        .filteredOn(r -> r.get("scheduledFor").asString().startsWith("2026-08-04"))
                        .extracting(r -> r.get("status").asString())
                        .containsExactly("SENT"));
    }

    @Test
    void fulfillingCancelsThePendingRemindersOnceEvenWhenEventsAreRedelivered() {
        var lecture = opened("PARTY_LECTURE", "2026-H2", LocalDate.of(2026, 12, 31));
        var research = opened("FOUR_TRUE_RESEARCH", "2026-Q4", LocalDate.of(2026, 12, 31));
        publish(Events.OBLIGATION_OPENED, lecture.id(), lecture);
        publish(Events.OBLIGATION_OPENED, research.id(), research);
        var met = fulfilled(lecture);
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
        publish(Events.OBLIGATION_FULFILLED, lecture.id(), fulfilled(lecture));
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
     * A term ending early moves an obligation's due day forward: reminders move with it, the latest
     * whose new time has passed goes out at once, the others are withdrawn, and a bureau-owed
     * obligation never reminds the first secretary.
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

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(reminders())
                        .extracting(r -> r.get("duty").asString() + " "
                                + r.get("scheduledFor").asString() + " "
                                + r.get("status").asString() + " due "
                                + r.get("dueOn").asString())
                        .containsExactlyInAnyOrder(
                                "PARTY_LECTURE 2026-11-16T01:00:00Z SCHEDULED due 2026-11-30",
                                "PARTY_LECTURE 2026-11-27T01:00:00Z SCHEDULED due 2026-11-30",
                                "FOUR_TRUE_RESEARCH 2026-09-16T01:00:00Z CANCELLED due 2026-09-30",
                                "FOUR_TRUE_RESEARCH 2026-08-04T02:00:00Z SENT due 2026-08-05"));
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
                        "{\"dueSoonDays\":[14,3],\"overdueDays\":1,\"quietHours\":{\"from\":\"22:00\",\"to\":\"07:00\"},"
                                + "\"escalateTo\":[\"PARTY_BUILDING_OFFICE\",\"BRANCH_SECRETARY\"],\"guidanceFeedbackDays\":30,"
                                + "\"rectificationDaysBefore\":[7,1],\"digest\":{\"day\":\"MONDAY\",\"at\":\"08:30\"}}");

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
        assertThat(api.get(policy).body().get("digest").isNull()).isTrue();
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

    /**
     * A reminder due now reaches its first secretary as a real e-mail in Chinese (HTML and plain
     * text: what, by when, which branch, a link) and in the in-app inbox, where it can be marked read.
     */
    @Test
    void aReminderArrivesByMailInChineseAndInTheInbox() {
        member("zhanghua", "张华", List.of("COMMITTEE_MEMBER"), "zgnf");
        var lecture = opened("zhanghua", "PARTY_LECTURE", "2026-H2", LocalDate.of(2026, 8, 6));
        publish(Events.OBLIGATION_OPENED, lecture.id(), lecture);

        var mail = awaitMail(emailOf("zhanghua"), 1).get(0);
        assertThat(Mailbox.subject(mail)).isEqualTo("【第一书记工作提醒】专题党课辅导将于2026年8月6日到期");
        assertThat(Mailbox.part(mail, "text/plain"))
                .contains("张华同志")
                .contains("征管分局党支部的第一书记")
                .contains("「专题党课辅导」（2026-H2）须于2026年8月6日前完成")
                .contains("https://firstsec.example.cn/obligations/" + lecture.id());
        assertThat(Mailbox.part(mail, "text/html")).contains("<a href=\"https://firstsec.example.cn/obligations/");

        String inbox = "/api/v1/bureaus/" + bureau + "/members/zhanghua/inbox";
        await().atMost(WAIT).until(() -> api.get(inbox).body().get("unread").asLong() == 1);
        var item = api.get(inbox).body().get("items").get(0);
        assertThat(item.get("subject").asString()).isEqualTo(Mailbox.subject(mail));
        assertThat(api.patch(inbox + "/" + item.get("id").asString(), "{\"read\":true}")
                        .body()
                        .get("read")
                        .asBoolean())
                .isTrue();
        assertThat(api.get(inbox + "?unread=true").body().get("total").asLong()).isZero();
        assertThat(api.patch(inbox + "/" + item.get("id").asString(), "{}").status())
                .isEqualTo(422);
        assertThat(api.patch(inbox + "/nothing", "{\"read\":true}").status()).isEqualTo(404);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(sent())
                        .filteredOn(s ->
                                s.reminder().equals(reminders().get(0).get("id").asString()))
                        .extracting(ReminderSent::channel)
                        .containsExactlyInAnyOrder("EMAIL", "INBOX"));
        assertThat(reminders()).extracting(r -> r.get("status").asString()).contains("SENT");
    }

    /** A member who chose the inbox only gets no mail; a nonsense choice is refused whole. */
    @Test
    void membersChooseTheirChannels() {
        member("lina", "李娜", List.of("COMMITTEE_MEMBER"), "zgnf");
        String preferences = "/api/v1/bureaus/" + bureau + "/members/lina/notification-preferences";
        assertThat(api.get(preferences).body().toString())
                .isEqualTo("{\"channels\":[\"EMAIL\",\"INBOX\",\"WEBHOOK\"],\"digest\":true}");
        var bad = api.put(preferences, "{\"channels\":[\"SMOKE_SIGNAL\",\"INBOX\",\"INBOX\"]}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().get("errors").values())
                .extracting(e -> e.get("pointer").asString())
                .containsExactly("/channels/0", "/channels/2", "/digest");
        assertThat(api.put(preferences, "{\"channels\":[\"INBOX\"],\"digest\":false}")
                        .status())
                .isEqualTo(200);

        var lecture = opened("lina", "PARTY_LECTURE", "2026-H2", LocalDate.of(2026, 8, 6));
        publish(Events.OBLIGATION_OPENED, lecture.id(), lecture);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(reminders())
                        .extracting(r -> r.get("status").asString())
                        .containsExactly("SENT"));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(sent())
                        .filteredOn(s -> s.recipient().equals("lina"))
                        .extracting(ReminderSent::channel)
                        .containsExactly("INBOX"));
        assertThat(mailTo(emailOf("lina"))).isEmpty();
    }

    /**
     * Webhooks follow Standard Webhooks: the signature verifies with the endpoint's secret (and not
     * for a tampered body), a failing endpoint is retried with the same webhook-id until it answers,
     * and one answering 410 Gone is disabled and the delivery given up with a reminder-failed event.
     */
    /**
     * No webhook reaches into the platform's network: the metadata service, private addresses and
     * plain http to a public host are refused on registration, a redirect is never followed, and a
     * bureau has at most 20 endpoints.
     */
    @Test
    void webhooksReachNoInternalAddressAndFollowNoRedirect() {
        String hooks = "/api/v1/bureaus/" + bureau + "/webhooks";
        for (String url : List.of(
                "http://169.254.169.254/latest/meta-data/",
                "https://169.254.169.254/latest/meta-data/",
                "https://10.1.2.3/hook",
                "https://192.168.0.10/hook",
                "https://[fd12::1]/hook",
                "http://hooks.example.cn/hook")) {
            var refused = api.post(hooks, "{\"url\":\"" + url + "\",\"events\":[\"*\"]}");
            assertThat(refused.status()).as(url).isEqualTo(422);
            assertThat(refused.body().get("errors").get(0).get("field").asString())
                    .isEqualTo("url");
        }
        try (var target = new WebhookReceiver(200);
                var redirecting = WebhookReceiver.redirectingTo(target.url())) {
            assertThat(api.post(hooks, "{\"url\":\"" + redirecting.url() + "\",\"events\":[\"*\"]}")
                            .status())
                    .isEqualTo(201);
            member("zhouwei", "周伟", List.of("COMMITTEE_MEMBER"), "zgnf");
            var lecture = opened("zhouwei", "PARTY_LECTURE", "2026-H2", LocalDate.of(2026, 8, 6));
            publish(Events.OBLIGATION_OPENED, lecture.id(), lecture);

            // Two attempts answered 302: had either followed the redirect, the target would have been called.
            await().atMost(WAIT).until(() -> redirecting.received().size() >= 2);
            assertThat(target.received()).isEmpty();

            for (int i = 1; i < 20; i++) {
                assertThat(api.post(hooks, "{\"url\":\"" + target.url() + i + "\",\"events\":[\"*\"]}")
                                .status())
                        .isEqualTo(201);
            }
            var capped = api.post(hooks, "{\"url\":\"" + target.url() + "\",\"events\":[\"*\"]}");
            assertThat(capped.status()).as("%s", capped.body()).isEqualTo(409);
        }
    }

    @Test
    void webhooksAreSignedRetriedAndDisabledWhenGone() {
        try (var flaky = new WebhookReceiver(503, 200);
                var gone = new WebhookReceiver(410)) {
            String hooks = "/api/v1/bureaus/" + bureau + "/webhooks";
            var bad = api.post(hooks, "{\"url\":\"ftp://x\",\"events\":[\"SOON\"]}");
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.body().get("errors").values())
                    .extracting(e -> e.get("pointer").asString())
                    .containsExactly("/url", "/events/0");
            var registered = api.post(hooks, "{\"url\":\"" + flaky.url() + "\",\"events\":[\"DUE_SOON\"]}");
            assertThat(registered.status()).isEqualTo(201);
            String secret = registered.body().get("secret").asString();
            assertThat(secret).startsWith("whsec_");
            String goneId = api.post(hooks, "{\"url\":\"" + gone.url() + "\",\"events\":[\"*\"]}")
                    .body()
                    .get("id")
                    .asString();
            assertThat(api.get(hooks).body().get("items").values())
                    .hasSize(2)
                    .allSatisfy(h -> assertThat(h.has("secret")).isFalse());

            member("zhouwei", "周伟", List.of("COMMITTEE_MEMBER"), "zgnf");
            var lecture = opened("zhouwei", "PARTY_LECTURE", "2026-H2", LocalDate.of(2026, 8, 6));
            publish(Events.OBLIGATION_OPENED, lecture.id(), lecture);

            await().atMost(WAIT).until(() -> flaky.received().size() == 2);
            var first = flaky.received().get(0);
            var retry = flaky.received().get(1);
            assertThat(retry.headers().get("webhook-id"))
                    .isEqualTo(first.headers().get("webhook-id"));
            assertThat(WebhookReceiver.verifies(secret, retry)).isTrue();
            assertThat(WebhookReceiver.verifies(
                            secret,
                            new WebhookReceiver.Received(
                                    retry.headers(), retry.body().replace("周伟", "周伟伟"))))
                    .isFalse();
            var payload =
                    tools.jackson.databind.json.JsonMapper.builder().build().readTree(retry.body());
            assertThat(payload.get("type").asString()).isEqualTo("reminder.due_soon");
            assertThat(payload.get("data").get("recipient").get("email").asString())
                    .isEqualTo(emailOf("zhouwei"));
            assertThat(payload.get("data").get("text").asString()).contains("专题党课辅导");

            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(api.get(hooks + "/" + goneId).body().get("enabled").asBoolean())
                        .isFalse();
                assertThat(failed())
                        .filteredOn(f -> goneId.equals(f.endpoint()))
                        .extracting(ReminderFailed::reason)
                        .containsExactly("GONE");
                assertThat(sent())
                        .filteredOn(s -> "WEBHOOK".equals(s.channel()))
                        .extracting(ReminderSent::attempts)
                        .containsExactly(2);
            });
            assertThat(gone.received()).hasSize(1);
            assertThat(api.delete(hooks + "/" + goneId).status()).isEqualTo(204);
            assertThat(api.delete(hooks + "/" + goneId).status()).isEqualTo(404);
        }
    }

    /** Nothing goes out in the quiet hours; once they are lifted the held reminder goes at once. */
    @Test
    void quietHoursHoldRemindersUntilTheyEnd() {
        String policy = "/api/v1/bureaus/" + bureau + "/reminder-policy";
        api.put(
                policy,
                "{\"dueSoonDays\":[14,3],\"overdueDays\":1,\"quietHours\":{\"from\":\"09:30\",\"to\":\"11:00\"}}");
        member("sunli", "孙丽", List.of("COMMITTEE_MEMBER"), "zgnf");
        var lecture = opened("sunli", "PARTY_LECTURE", "2026-H2", LocalDate.of(2026, 8, 6));
        publish(Events.OBLIGATION_OPENED, lecture.id(), lecture);
        topics.awaitConsumed("notification-service", Topics.ASSESSMENT, WAIT);
        assertThat(reminders()).extracting(r -> r.get("status").asString()).containsExactly("SCHEDULED");
        // several dispatch rounds pass while it is held
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        assertThat(reminders()).extracting(r -> r.get("status").asString()).containsExactly("SCHEDULED");
        assertThat(mailTo(emailOf("sunli"))).isEmpty();

        api.put(policy, "{\"dueSoonDays\":[14,3],\"overdueDays\":1,\"quietHours\":null}");
        assertThat(awaitMail(emailOf("sunli"), 1)).hasSize(1);
    }

    /**
     * An unmet obligation: a day later its first secretary is told and the party-building office and
     * the branch secretary are escalated to, once each however often the event comes; work that fell
     * due long ago (a replay, a backfill) reminds nobody.
     */
    @Test
    void overdueWorkIsToldAndEscalatedButLongClosedWorkIsNot() {
        member("wufang", "吴芳", List.of("COMMITTEE_MEMBER"), "zgnf");
        member("office", "党建办", List.of("PARTY_BUILDING_OFFICE"), "jgdw");
        member("secretary", "钱进", List.of("BRANCH_SECRETARY"), "zgnf");
        var lecture = opened("wufang", "PARTY_LECTURE", "2026-H1", LocalDate.of(2026, 8, 2));
        var old = opened("wufang", "REPORT_HEARING", "2026-Q2", LocalDate.of(2026, 6, 30));
        publish(Events.OBLIGATION_OPENED, lecture.id(), lecture);
        publish(Events.OBLIGATION_OPENED, old.id(), old);
        publish(Events.OBLIGATION_OVERDUE, lecture.id(), overdue(lecture));
        publish(Events.OBLIGATION_OVERDUE, lecture.id(), overdue(lecture));
        publish(Events.OBLIGATION_OVERDUE, old.id(), overdue(old));

        assertThat(Mailbox.subject(awaitMail(emailOf("wufang"), 1).get(0))).isEqualTo("【第一书记工作提醒】专题党课辅导已逾期");
        assertThat(Mailbox.part(awaitMail(emailOf("office"), 1).get(0), "text/plain"))
                .contains("征管分局党支部的「专题党课辅导」（2026-H1）应于2026年8月2日前完成，现已逾期（第一书记：吴芳）");
        assertThat(awaitMail(emailOf("secretary"), 1)).hasSize(1);
        assertThat(reminders())
                .extracting(r -> r.get("recipient").asString() + " "
                        + r.get("stage").asString() + " " + r.get("duty").asString())
                .containsExactlyInAnyOrder(
                        "wufang OVERDUE PARTY_LECTURE",
                        "office ESCALATION PARTY_LECTURE",
                        "secretary ESCALATION PARTY_LECTURE");
    }

    /**
     * A guidance opinion asks the branch secretary to report back within 30 days, at once; an
     * inspection with findings reminds them before the rectification deadline, and is withdrawn if the
     * inspection is voided; backfilled work reminds nobody.
     */
    @Test
    void followUpsAskTheBranchSecretaryToReportBackAndToRectify() {
        member("secretary", "钱进", List.of("BRANCH_SECRETARY"), "zgnf");
        var guidance = activity("GUIDANCE_OPINION", LocalDate.of(2026, 8, 3), null, null, null);
        var inspection = activity(
                "SUPERVISION_INSPECTION",
                LocalDate.of(2026, 8, 3),
                List.of("三会一课记录不全"),
                LocalDate.of(2026, 8, 20),
                null);
        var backfilled = activity("GUIDANCE_OPINION", LocalDate.of(2026, 7, 30), null, null, true);
        publish(Events.ACTIVITY_LOGGED, "k", guidance);
        publish(Events.ACTIVITY_LOGGED, "k", inspection);
        publish(Events.ACTIVITY_LOGGED, "k", backfilled);

        var mail = awaitMail(emailOf("secretary"), 1).get(0);
        assertThat(Mailbox.subject(mail)).isEqualTo("【第一书记工作提醒】请反馈指导意见落实情况");
        assertThat(Mailbox.part(mail, "text/plain")).contains("请于2026年9月2日前向第一书记点对点反馈落实情况");
        assertThat(reminders("FOLLOW_UP"))
                .extracting(r ->
                        r.get("duty").asString() + " " + r.get("scheduledFor").asString())
                .containsExactlyInAnyOrder(
                        "GUIDANCE_OPINION 2026-08-04T02:00:00Z",
                        "SUPERVISION_INSPECTION 2026-08-13T01:00:00Z",
                        "SUPERVISION_INSPECTION 2026-08-19T01:00:00Z");

        publish(
                Events.ACTIVITY_VOIDED,
                "k",
                new ActivityVoided(
                        inspection.id(),
                        bureau,
                        inspection.bureauPath(),
                        "zgnf",
                        "recorded twice",
                        "office",
                        java.time.Instant.parse("2026-08-04T02:00:00Z")));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(reminders("FOLLOW_UP"))
                        .filteredOn(r -> r.get("duty").asString().equals("SUPERVISION_INSPECTION"))
                        .extracting(r -> r.get("status").asString())
                        .containsOnly("CANCELLED"));
    }

    /** On the bureau's digest day each first secretary gets one digest of their open items, unless muted. */
    @Test
    void aWeeklyDigestListsEachFirstSecretarysOpenItems() {
        api.put(
                "/api/v1/bureaus/" + bureau + "/reminder-policy",
                "{\"dueSoonDays\":[3],\"overdueDays\":1,\"quietHours\":null,\"digest\":{\"day\":\"TUESDAY\",\"at\":\"08:30\"}}");
        member("zhaomin", "赵敏", List.of("COMMITTEE_MEMBER"), "zgnf");
        member("muted", "钱多", List.of("COMMITTEE_MEMBER"), "zgnf");
        api.put(
                "/api/v1/bureaus/" + bureau + "/members/muted/notification-preferences",
                "{\"channels\":[\"EMAIL\"],\"digest\":false}");
        for (var o : List.of(
                opened("zhaomin", "PARTY_LECTURE", "2026-H2", LocalDate.of(2026, 12, 31)),
                opened("zhaomin", "FOUR_TRUE_RESEARCH", "2026-Q3", LocalDate.of(2026, 9, 30)),
                opened("muted", "PARTY_LECTURE", "2026-H2", LocalDate.of(2026, 12, 31)))) {
            publish(Events.OBLIGATION_OPENED, o.id(), o);
        }
        var digest = awaitMail(emailOf("zhaomin"), 1).get(0);
        assertThat(Mailbox.subject(digest)).isEqualTo("【第一书记工作提醒】本周待办2项");
        assertThat(Mailbox.part(digest, "text/plain"))
                .contains("· “四真”调研（2026-Q3），征管分局党支部，截止2026年9月30日")
                .contains("· 专题党课辅导（2026-H2），征管分局党支部，截止2026年12月31日");
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        assertThat(reminders("DIGEST"))
                .extracting(r -> r.get("recipient").asString())
                .containsExactly("zhaomin");
        assertThat(mailTo(emailOf("zhaomin"))).hasSize(1);
        assertThat(mailTo(emailOf("muted"))).isEmpty();
    }

    /** A member's open due dates as an iCalendar feed at a secret address that can be revoked. */
    @Test
    void aCalendarFeedListsDueDatesUntilItsTokenIsRevoked() {
        member("wangjun", "王军", List.of("COMMITTEE_MEMBER"), "zgnf");
        assertThat(api.post("/api/v1/bureaus/" + bureau + "/members/nobody/calendar-token", "")
                        .status())
                .isEqualTo(404);
        var lecture = opened("wangjun", "PARTY_LECTURE", "2026-H2", LocalDate.of(2026, 12, 31));
        var research = opened("wangjun", "FOUR_TRUE_RESEARCH", "2026-Q3", LocalDate.of(2026, 9, 30));
        publish(Events.OBLIGATION_OPENED, lecture.id(), lecture);
        publish(Events.OBLIGATION_OPENED, research.id(), research);
        publish(Events.OBLIGATION_FULFILLED, research.id(), fulfilled(research));
        topics.awaitConsumed("notification-service", Topics.ASSESSMENT, WAIT);

        String tokens = "/api/v1/bureaus/" + bureau + "/members/wangjun/calendar-token";
        var issued = api.post(tokens, "");
        assertThat(issued.status()).isEqualTo(201);
        String url = issued.body().get("url").asString();
        assertThat(url)
                .startsWith("https://firstsec.example.cn/api/v1/calendar/")
                .endsWith(".ics");
        var feed = api.download(url.substring("https://firstsec.example.cn".length()));
        assertThat(feed.contentType()).startsWith("text/calendar");
        String ics = new String(feed.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ics)
                .startsWith("BEGIN:VCALENDAR\r\n")
                .contains("DTSTART;VALUE=DATE:20261231\r\n")
                .contains("SUMMARY:专题党课辅导（2026-H2）截止")
                .doesNotContain("20260930")
                .endsWith("END:VCALENDAR\r\n");
        assertThat(ics.lines())
                .allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(75));

        assertThat(api.delete(tokens).status()).isEqualTo(204);
        assertThat(api.download(url.substring("https://firstsec.example.cn".length()))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void filtersByRecipientAndStatusAndRejectsBadParameters() {
        var lecture = opened("PARTY_LECTURE", "2026-H2", LocalDate.of(2026, 12, 31));
        publish(Events.OBLIGATION_OPENED, lecture.id(), lecture);
        topics.awaitConsumed("notification-service", Topics.ASSESSMENT, WAIT);
        String base = "/api/v1/bureaus/" + bureau + "/reminders";
        assertThat(api.get(base + "?recipient=wangjun&status=SCHEDULED&stage=DUE_SOON")
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
        assertThat(api.get(base + "?stage=SOMETIME").status()).isEqualTo(400);
    }

    private ObligationOpened opened(String duty, String period, LocalDate dueOn) {
        return new ObligationOpened(
                UUID.randomUUID().toString(), bureau, List.of("js", bureau), duty, period, "wangjun", "zgnf", dueOn);
    }

    private <T> void publish(io.firstsecretary.contracts.EventType<T> type, String key, T payload) {
        topics.publish(type, key, UUID.randomUUID().toString(), bureau, payload);
    }

    private ObligationOpened opened(String assignee, String duty, String period, LocalDate dueOn) {
        return new ObligationOpened(
                UUID.randomUUID().toString(), bureau, List.of("js", bureau), duty, period, assignee, "zgnf", dueOn);
    }

    private ObligationOverdue overdue(ObligationOpened o) {
        return new ObligationOverdue(
                o.id(), o.bureau(), o.bureauPath(), o.duty(), o.period(), o.assignee(), o.branch(), o.dueOn());
    }

    private ObligationFulfilled fulfilled(ObligationOpened o) {
        return new ObligationFulfilled(
                o.id(),
                o.bureau(),
                o.bureauPath(),
                o.duty(),
                o.period(),
                o.assignee(),
                o.branch(),
                o.dueOn(),
                "MET",
                List.of("activity-1"));
    }

    private ActivityLogged activity(
            String type, LocalDate on, List<String> findings, LocalDate deadline, Boolean backfilled) {
        return new ActivityLogged(
                UUID.randomUUID().toString(),
                bureau,
                List.of("js", bureau),
                type,
                "zgnf",
                "wangjun",
                on,
                "工作记录",
                List.of(),
                null,
                java.time.Instant.parse("2026-08-04T01:00:00Z"),
                null,
                backfilled,
                null,
                null,
                null,
                null,
                findings,
                deadline,
                null,
                null,
                null,
                null,
                null);
    }

    /** Registers a member of this test's bureau, with the branches they belong to, and waits until it is known. */
    private void member(String id, String name, List<String> roles, String branch) {
        publish(
                Events.BRANCH_ESTABLISHED,
                bureau,
                new BranchEstablished(bureau, List.of("js", bureau), "zgnf", "征管分局党支部", List.of("征管科")));
        publish(
                Events.MEMBER_REGISTERED,
                bureau,
                new MemberRegistered(
                        bureau, List.of("js", bureau), id, name, emailOf(id), null, roles, branch, null, null));
        topics.awaitConsumed("notification-service", Topics.ORGANISATION, WAIT);
    }

    private String emailOf(String member) {
        return member + "@" + bureau + ".tax.example.cn";
    }

    private List<MimeMessage> mailTo(String address) {
        return MAIL.received().stream()
                .filter(m -> Mailbox.to(m).equals(address))
                .toList();
    }

    private List<MimeMessage> awaitMail(String address, int count) {
        await().atMost(WAIT).until(() -> mailTo(address).size() >= count);
        return mailTo(address);
    }

    private List<ReminderSent> sent() {
        return topics.readAll(Topics.NOTIFICATION, Events.REMINDER_SENT.type()).stream()
                .map(r -> EventJson.read(r.value(), ReminderSent.class))
                .filter(r -> r.bureau().equals(bureau))
                .toList();
    }

    private List<ReminderFailed> failed() {
        return topics.readAll(Topics.NOTIFICATION, Events.REMINDER_FAILED.type()).stream()
                .map(r -> EventJson.read(r.value(), ReminderFailed.class))
                .filter(r -> r.bureau().equals(bureau))
                .toList();
    }

    private List<JsonNode> reminders(String stage) {
        var response = api.get("/api/v1/bureaus/" + bureau + "/reminders?size=500&stage=" + stage);
        assertThat(response.status()).isEqualTo(200);
        return new ArrayList<>(response.body().get("items").values());
    }

    private List<JsonNode> reminders() {
        var response = api.get("/api/v1/bureaus/" + bureau + "/reminders?size=500");
        assertThat(response.status()).isEqualTo(200);
        return new ArrayList<>(response.body().get("items").values());
    }

    /** The document integrators read says what the API does. */
    @Test
    void theApiDocumentTellsTheTruth() {
        var document = api.get("/v3/api-docs");

        assertThat(ApiDocumentLint.problems(document.body(), "http://127.0.0.1:8080"))
                .isEmpty();
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
