package io.firstsecretary.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firstsecretary.contracts.EventJson;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.contracts.assessment.ObligationOpened;
import io.firstsecretary.contracts.notification.ReminderSent;
import io.firstsecretary.contracts.organisation.MemberRegistered;
import io.firstsecretary.infra.EmbeddedMailServer;
import io.firstsecretary.infra.EmbeddedRuntime;
import io.firstsecretary.infra.FreePorts;
import io.firstsecretary.infra.testing.TopicProbe;
import io.firstsecretary.notification.support.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Replicas of the notification service sharing one store and broker: every reminder reaches each
 * recipient once, also when a replica dies in the middle of a batch of sends.
 */
class ExactlyOnceDeliveryIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final EmbeddedMailServer MAIL = EmbeddedMailServer.start(FreePorts.next(), FreePorts.next());

    final EmbeddedRuntime runtime = EmbeddedRuntime.shared();
    final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
    TopicProbe topics;
    String bureau;
    String database;
    String group;

    @BeforeEach
    void setUp() {
        topics = new TopicProbe(runtime.kafkaBootstrapServers());
        bureau = "r" + UUID.randomUUID().toString().substring(0, 8);
        database = "notification-" + bureau;
        group = "notification-" + bureau;
    }

    @AfterEach
    void tearDown() {
        replicas.forEach(ConfigurableApplicationContext::close);
        topics.close();
    }

    @AfterAll
    static void stopMail() {
        MAIL.close();
    }

    @Test
    void twoReplicasSendEachReminderOnce() {
        replica();
        replica();
        var recipients = remindTwelveFirstSecretaries();

        awaitEveryoneMailed(recipients);
        assertEachReminderWentOnce(recipients);
    }

    /**
     * The first replica dies after three e-mails, with a delivery claimed and not sent and others not
     * yet started; the second, started afterwards, finishes the batch and sends nothing twice.
     */
    @Test
    void aReplicaDyingMidBatchLosesNothingAndDuplicatesNothing() throws InterruptedException {
        DyingMail.bureau = bureau;
        var dying = replica(DyingMail.class);
        var recipients = remindTwelveFirstSecretaries();
        assertThat(DyingMail.died.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        dying.close();
        await().atMost(WAIT).untilAsserted(() -> assertThat(mailTo(recipients)).hasSize(3));

        replica();
        awaitEveryoneMailed(recipients);
        assertEachReminderWentOnce(recipients);
    }

    private List<String> remindTwelveFirstSecretaries() {
        var members = new ArrayList<String>();
        for (int i = 0; i < 12; i++) {
            String member = "fs" + i;
            members.add(member + "@" + bureau + ".tax.example.cn");
            topics.publish(
                    Events.MEMBER_REGISTERED,
                    bureau,
                    UUID.randomUUID().toString(),
                    bureau,
                    new MemberRegistered(
                            bureau,
                            List.of("js", bureau),
                            member,
                            "第一书记" + i,
                            members.get(i),
                            null,
                            List.of("COMMITTEE_MEMBER"),
                            "zgnf",
                            null,
                            null));
        }
        topics.awaitConsumed(group, Topics.ORGANISATION, WAIT);
        for (int i = 0; i < 12; i++) {
            var obligation = new ObligationOpened(
                    UUID.randomUUID().toString(),
                    bureau,
                    List.of("js", bureau),
                    "PARTY_LECTURE",
                    "2026-H2",
                    "fs" + i,
                    "zgnf",
                    LocalDate.of(2026, 8, 6));
            topics.publish(
                    Events.OBLIGATION_OPENED, obligation.id(), UUID.randomUUID().toString(), bureau, obligation);
        }
        return members;
    }

    private void awaitEveryoneMailed(List<String> recipients) {
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(mailTo(recipients)).hasSize(recipients.size());
            assertThat(deliveries())
                    .hasSize(2 * recipients.size())
                    .allSatisfy(d -> assertThat(d.getString("status")).isEqualTo("SENT"));
        });
    }

    private void assertEachReminderWentOnce(List<String> recipients) {
        // time for a stray second send to show up, had one been made
        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
        var mail = mailTo(recipients);
        assertThat(mail).extracting(Mailbox::to).containsExactlyInAnyOrderElementsOf(recipients);
        assertThat(mail).extracting(m -> header(m, "Message-ID")).doesNotHaveDuplicates();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                topics.readAll(Topics.NOTIFICATION, Events.REMINDER_SENT.type()).stream()
                                        .map(r -> EventJson.read(r.value(), ReminderSent.class))
                                        .filter(s -> s.bureau().equals(bureau))
                                        .map(ReminderSent::id)
                                        .distinct())
                        .hasSize(2 * recipients.size()));
    }

    private List<Document> deliveries() {
        var mongo = replicas.get(replicas.size() - 1).getBean(MongoTemplate.class);
        return mongo.find(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("bureau")
                                .is(bureau)),
                Document.class,
                "deliveries");
    }

    private static List<MimeMessage> mailTo(List<String> recipients) {
        return MAIL.received().stream()
                .filter(m -> recipients.contains(Mailbox.to(m)))
                .toList();
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name)[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConfigurableApplicationContext replica(Class<?>... extra) {
        var sources = new ArrayList<Class<?>>(List.of(NotificationApplication.class));
        sources.addAll(List.of(extra));
        var context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .run(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.kafka.bootstrap-servers=" + runtime.kafkaBootstrapServers(),
                        "--spring.kafka.consumer.group-id=" + group,
                        "--spring.mongodb.uri=" + runtime.mongoUri(database),
                        "--spring.mail.port=" + MAIL.smtpPort(),
                        "--spring.main.allow-bean-definition-overriding=true",
                        "--firstsec.clock.fixed=2026-08-04T02:00:00Z",
                        "--firstsec.notification.delivery.interval=PT0.1S",
                        "--firstsec.notification.delivery.batch=5",
                        "--firstsec.notification.delivery.lease=PT2S",
                        "--firstsec.notification.delivery.first-retry=PT0.2S");
        replicas.add(context);
        return context;
    }

    /**
     * Mail that works for three of the test's recipients and then dies with the replica, mid-send,
     * without sending. (Mail to other tests' recipients, whose events a new replica also reads, passes.)
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class DyingMail {

        static final CountDownLatch died = new CountDownLatch(1);
        static volatile String bureau;

        @Bean
        JavaMailSenderImpl mailSender(org.springframework.core.env.Environment env) {
            var sends = new AtomicInteger();
            var sender = new JavaMailSenderImpl() {
                @Override
                public void send(MimeMessage... messages) {
                    boolean ours = Mailbox.to(messages[0]).contains(bureau);
                    if (died.getCount() == 0 || (ours && sends.incrementAndGet() > 3)) {
                        died.countDown();
                        throw new ThreadDeath();
                    }
                    super.send(messages);
                }
            };
            sender.setHost("127.0.0.1");
            sender.setPort(env.getRequiredProperty("spring.mail.port", Integer.class));
            return sender;
        }
    }
}
