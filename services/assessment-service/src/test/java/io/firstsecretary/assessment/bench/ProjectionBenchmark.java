package io.firstsecretary.assessment.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.ReplaceOptions;
import io.firstsecretary.assessment.rebuild.ProjectionRebuild;
import io.firstsecretary.contracts.EventJson;
import io.firstsecretary.contracts.EventType;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.contracts.activity.ActivityLogged;
import io.firstsecretary.contracts.organisation.BranchEstablished;
import io.firstsecretary.contracts.organisation.BureauRegistered;
import io.firstsecretary.contracts.organisation.FirstSecretaryAssigned;
import io.firstsecretary.contracts.organisation.MemberRegistered;
import io.firstsecretary.infra.EmbeddedRuntime;
import io.firstsecretary.infra.testing.TestIssuer;
import io.firstsecretary.infra.testing.TopicProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code make bench}: a year of a large bureau's work (40 branches of 30 members, one first
 * secretary each, 20,000 activities) projected into obligations as it streams in, then rebuilt from
 * the topics into a fresh generation; each against the raw store doing as many single-document
 * upserts on the same machine in the same run. Not part of {@code make test}: the name matches
 * neither {@code *Test} nor {@code *IT}.
 */
@SpringBootTest(
        properties = {
            "firstsec.clock.fixed=2026-12-20T02:00:00Z",
            "spring.kafka.consumer.group-id=" + ProjectionBenchmark.GROUP,
            "firstsec.obligations.sweep-delay=PT24H",
            "firstsec.rankings.publish-delay=PT24H"
        })
class ProjectionBenchmark {

    static final String GROUP = "assessment-bench";
    static final int BRANCHES = 40;
    static final int MEMBERS = 30;
    static final int ACTIVITIES = Integer.getInteger("bench.activities", 20_000);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final List<String> TYPES = List.of(
            "TALK",
            "TALK",
            "TALK",
            "TALK",
            "GUIDANCE_OPINION",
            "REPORT_HEARING",
            "FOUR_TRUE_RESEARCH",
            "PARTY_LECTURE",
            "ORG_LIFE_MEETING",
            "SUPERVISION_INSPECTION",
            "EXPERIENCE_SUMMARY",
            "SERVICE_VISIT",
            "THEMED_PARTY_DAY");

    @DynamicPropertySource
    static void runtime(DynamicPropertyRegistry registry) {
        var runtime = EmbeddedRuntime.shared();
        registry.add("spring.kafka.bootstrap-servers", runtime::kafkaBootstrapServers);
        TestIssuer.shared().properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.mongodb.uri", () -> runtime.mongoUri("assessment-bench"));
    }

    @Autowired
    ProjectionRebuild rebuild;

    @Test
    void aYearOfALargeBureau() throws Exception {
        var runtime = EmbeddedRuntime.shared();
        var random = new Random(2026);
        String bureau = "bench" + UUID.randomUUID().toString().substring(0, 6);
        var path = List.of("js", bureau);
        try (var topics = new TopicProbe(runtime.kafkaBootstrapServers());
                var producer = new KafkaProducer<>(
                        Map.<String, Object>of(
                                "bootstrap.servers", runtime.kafkaBootstrapServers(), "acks", "all", "linger.ms", 5),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            long started = System.nanoTime();
            topics.publish(
                    Events.BUREAU_REGISTERED,
                    bureau,
                    id(),
                    bureau,
                    new BureauRegistered(bureau, "基准测试局", "MUNICIPAL", "js", path));
            for (int b = 0; b < BRANCHES; b++) {
                topics.publish(
                        Events.BRANCH_ESTABLISHED,
                        bureau,
                        id(),
                        bureau,
                        new BranchEstablished(bureau, path, "b" + b, "第" + b + "党支部", List.of()));
                for (int m = 0; m < MEMBERS; m++) {
                    var roles = m == 0
                            ? List.of("BRANCH_SECRETARY")
                            : m < 3 ? List.of("BRANCH_COMMITTEE") : List.<String>of();
                    topics.publish(
                            Events.MEMBER_REGISTERED,
                            bureau,
                            id(),
                            bureau,
                            new MemberRegistered(
                                    bureau,
                                    path,
                                    "b" + b + "m" + m,
                                    "党员",
                                    null,
                                    null,
                                    roles,
                                    "b" + b,
                                    null,
                                    LocalDate.of(2005, 7, 1)));
                }
                topics.publish(
                        Events.FIRST_SECRETARY_ASSIGNED,
                        bureau,
                        id(),
                        bureau,
                        new FirstSecretaryAssigned(
                                bureau,
                                path,
                                bureau + ":b" + b,
                                "fs" + b,
                                "书记" + b,
                                "b" + b,
                                LocalDate.of(2026, 1, 1),
                                null));
            }
            topics.awaitConsumed(GROUP, Topics.ORGANISATION, Duration.ofMinutes(10));
            long organisationNanos = System.nanoTime() - started;
            int organisationEvents = 1 + BRANCHES * (MEMBERS + 2);

            started = System.nanoTime();
            var sends = new ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < ACTIVITIES; i++) {
                int b = random.nextInt(BRANCHES);
                LocalDate day = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(353));
                String type = TYPES.get(random.nextInt(TYPES.size()));
                String actor = random.nextInt(10) < 8 ? "fs" + b : "b" + b + "m" + random.nextInt(MEMBERS);
                var participants = type.equals("TALK")
                        ? List.of("b" + b + "m" + random.nextInt(MEMBERS), "b" + b + "m" + random.nextInt(MEMBERS))
                        : List.<String>of();
                var logged = new ActivityLogged(
                        id(),
                        bureau,
                        path,
                        type,
                        "b" + b,
                        actor,
                        day,
                        "记录",
                        participants,
                        null,
                        day.plusDays(random.nextInt(10))
                                .atTime(10, 0)
                                .atZone(SHANGHAI)
                                .toInstant());
                sends.add(producer.send(record(Events.ACTIVITY_LOGGED, bureau + "/b" + b, bureau, logged)));
            }
            for (var send : sends) {
                send.get();
            }
            long publishedNanos = System.nanoTime() - started;
            topics.awaitConsumed(GROUP, Topics.ACTIVITY, Duration.ofMinutes(30));
            long projectedNanos = System.nanoTime() - started;

            started = System.nanoTime();
            var rebuilt = rebuild.rebuild();
            long rebuildNanos = System.nanoTime() - started;
            assertThat(rebuilt.phase()).isEqualTo("DONE");

            long rawNanos = rawUpserts(runtime.mongoUri("assessment-bench-raw"), ACTIVITIES);
            double rawRate = ACTIVITIES / (rawNanos / 1e9);
            double projectedRate = ACTIVITIES / (projectedNanos / 1e9);
            double rebuildRate = rebuilt.events() / (rebuildNanos / 1e9);
            var report = String.join(
                    System.lineSeparator(),
                    "Assessment projection benchmark: " + BRANCHES + " branches × " + MEMBERS + " members, " + BRANCHES
                            + " first secretaries, " + ACTIVITIES + " activities over 2026, one run",
                    String.format(
                            "  organisation: %d events projected         %8.2f s",
                            organisationEvents, organisationNanos / 1e9),
                    String.format("  activities published to Kafka              %8.2f s", publishedNanos / 1e9),
                    String.format(
                            "  activities projected into obligations      %8.2f s  %7.0f events/s",
                            projectedNanos / 1e9, projectedRate),
                    String.format(
                            "  rebuild from the topics (%d events, %d assignments) %6.2f s  %7.0f events/s",
                            rebuilt.events(), rebuilt.assignments(), rebuildNanos / 1e9, rebuildRate),
                    String.format(
                            "  raw store: %d single-document upserts  %8.2f s  %7.0f upserts/s",
                            ACTIVITIES, rawNanos / 1e9, rawRate),
                    String.format("  projection rate / raw upsert rate = %.2f", projectedRate / rawRate),
                    String.format("  rebuild rate / raw upsert rate    = %.2f", rebuildRate / rawRate));
            System.out.println(report);
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/assessment.txt"), report + System.lineSeparator());
        }
    }

    private static long rawUpserts(String uri, int count) {
        try (var client = MongoClients.create(uri)) {
            var collection = client.getDatabase("assessment-bench-raw").getCollection("activities");
            var ids = new ArrayList<String>();
            for (int i = 0; i < count; i++) {
                ids.add(id());
            }
            long started = System.nanoTime();
            for (String id : ids) {
                collection.replaceOne(
                        new Document("_id", id),
                        new Document("_id", id)
                                .append("bureau", "bench")
                                .append("type", "TALK")
                                .append("branch", "b1")
                                .append("actor", "fs1")
                                .append("occurredOn", "2026-05-01")
                                .append("participants", List.of("a", "b")),
                        new ReplaceOptions().upsert(true));
            }
            return System.nanoTime() - started;
        }
    }

    /** The event as the platform's producers put it on the topic: CloudEvents headers, JSON payload. */
    private static <T> ProducerRecord<String, byte[]> record(EventType<T> type, String key, String bureau, T payload) {
        var record = new ProducerRecord<String, byte[]>(type.topic(), key, EventJson.write(payload));
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(id()))
                .add("ce_type", bytes(type.type()))
                .add("ce_source", bytes(Topics.source(type.topic()).orElseThrow()))
                .add("ce_time", bytes(java.time.Instant.now().toString()))
                .add("ce_bureau", bytes(bureau))
                .add("content-type", bytes("application/json"));
        return record;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
