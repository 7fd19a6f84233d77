package io.firstsecretary.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.infra.platform.PlatformOptions;
import io.firstsecretary.infra.platform.RunningPlatform;
import io.firstsecretary.infra.testing.ApiClient;
import io.firstsecretary.infra.testing.PlatformCredentials;
import io.firstsecretary.infra.testing.TopicProbe;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing lost, nothing double-counted under faults. A stream of activities goes through the gateway
 * while, in turn, the assessment service (a consumer) is killed with SIGKILL, the broker is
 * restarted, and the activity service is killed at a moment it holds activities written but not yet
 * published (its outbox relay dies between write and publish); malformed and schema-invalid records
 * are put on the activity topic and a stretch of it is delivered again.
 *
 * <p>Afterwards: the activity store holds each activity once (clients retry with an {@code
 * Idempotency-Key}); every obligation the stream meets is met by exactly the activity that meets it
 * and every first secretary's talk coverage is met (an expectation computed from what was posted,
 * not from the projections); every activity the relay had not published when it died is on the
 * topic; each branch's events are on one partition in the order they were written (activities
 * corrected three times show revisions 0, 1, 2, 3 in order); each bad record is in the dead-letter
 * topic with its original coordinates. {@code make test} runs it small; {@code make faults}
 * ({@code -Dfaults.full=true}) streams 100,000 activities of 200 branches with ten consumer kills.
 */
class FaultToleranceIT {

    static final boolean FULL = Boolean.getBoolean("faults.full");
    /** One branch each; the full stream gives each about 500 talks in the year, ten times a real branch's. */
    static final int FIRST_SECRETARIES = FULL ? 200 : 12;

    static final int ACTIVITIES = FULL ? 100_000 : 744;
    static final int CONSUMER_KILLS = FULL ? 10 : 2;
    static final int CORRECTIONS = 3;
    static final int CLIENTS = 4;
    /**
     * How long a client waits before each request: the small stream is paced to last through its
     * faults (a fault takes seconds); the full one is long enough at the clients' own speed.
     */
    static final Duration PACE = FULL ? Duration.ZERO : Duration.ofMillis(250);

    static final List<String> DUTIES = List.of("GUIDANCE_OPINION", "REPORT_HEARING", "FOUR_TRUE_RESEARCH");
    static final List<String> QUARTERS = List.of("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
    static final List<String> DAYS = List.of("2026-02-10", "2026-05-10", "2026-08-10", "2026-11-10");
    static final String ACTIVITY_SERVICE = "activity-service";
    static final String CONSUMER = "assessment-service";

    enum Fault {
        KILL_CONSUMER,
        RESTART_BROKER,
        KILL_RELAY
    }

    @TempDir
    static Path data;

    @Test
    void nothingIsLostOrCountedTwiceUnderCrashesBrokerRestartsBadAndRepeatedRecords() throws Exception {
        long started = System.nanoTime();
        try (var platform = RunningPlatform.start(PlatformOptions.onFreePorts(
                        Path.of(".."),
                        data,
                        false,
                        // the relay publishes a second after a write, so a kill finds events written and not yet sent
                        Map.of("FIRSTSEC_CLOCK_FIXED", "2026-11-25T02:00:00Z", "FIRSTSEC_OUTBOX_LINGER", "1s")));
                var topics = new TopicProbe(platform.kafkaBootstrapServers())) {
            var api = new ApiClient(
                    platform.gatewayUrl(), PlatformCredentials.of(platform).operator());
            organisation(api);

            // the expectation: which activity meets which obligation, from the posts alone
            var expected = new ConcurrentHashMap<String, String>();
            var corrected = ConcurrentHashMap.<String>newKeySet();
            var posted = new AtomicInteger();
            var work = new ArrayList<Runnable>();
            for (int fs = 0; fs < FIRST_SECRETARIES; fs++) {
                for (int d = 0; d < DUTIES.size(); d++) {
                    for (int q = 0; q < QUARTERS.size(); q++) {
                        int n = fs;
                        String duty = DUTIES.get(d);
                        String quarter = QUARTERS.get(q);
                        String day = DAYS.get(q);
                        boolean correct = d == 0 && q == 0;
                        work.add(() -> {
                            String id = post(
                                    api,
                                    "{\"type\":\"" + duty + "\",\"branch\":\"b" + n + "\",\"actor\":\"fs" + n
                                            + "\",\"occurredOn\":\"" + day + "\",\"title\":\"故障演练\"}");
                            expected.put("fs" + n + " " + duty + " " + quarter, id);
                            posted.incrementAndGet();
                            if (correct) {
                                correct(api, id);
                                corrected.add(id);
                            }
                        });
                    }
                }
            }
            int duties = work.size();
            for (int t = 0; t < ACTIVITIES - duties; t++) {
                int n = t % FIRST_SECRETARIES;
                String day = DAYS.get(t % DAYS.size());
                work.add(() -> {
                    post(
                            api,
                            "{\"type\":\"TALK\",\"branch\":\"b" + n + "\",\"actor\":\"fs" + n + "\",\"occurredOn\":\""
                                    + day + "\",\"title\":\"谈心谈话\",\"participants\":[\"m" + n + "\"]}");
                    posted.incrementAndGet();
                });
            }
            Collections.shuffle(work, new Random(7));
            var faults = schedule();
            progress(
                    "streaming " + work.size() + " activities from " + CLIENTS + " clients; faults in turn: " + faults);

            var pool = Executors.newFixedThreadPool(CLIENTS);
            var done = new ArrayList<Future<?>>();
            work.forEach(w -> done.add(pool.submit(w)));
            var badRecords = injectBadRecords(topics);
            var unpublishedAtRelayKill = new HashSet<String>();
            int next = 0;
            int reported = 0;
            for (var item : done) {
                if (next < faults.size() && posted.get() > (next + 1) * work.size() / (faults.size() + 1)) {
                    unpublishedAtRelayKill.addAll(inject(faults.get(next++), platform, topics, posted));
                }
                if (posted.get() >= reported + work.size() / 10) {
                    reported = posted.get();
                    progress(reported + " activities posted");
                }
                item.get();
            }
            pool.shutdown();
            while (next < faults.size()) {
                unpublishedAtRelayKill.addAll(inject(faults.get(next++), platform, topics, posted));
            }
            int repeated = redeliver(topics);
            progress("all posted; waiting for the projections to catch up");
            awaitCaughtUp(topics);

            try (var client = MongoClients.create(platform.mongoConnectionString())) {
                var stored = client.getDatabase(RunningPlatform.databaseOf(ACTIVITY_SERVICE))
                        .getCollection("activities");
                await().atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> {
                            assertThat(stored.estimatedDocumentCount()).isEqualTo(posted.get());
                            assertThat(metEvidence(api)).isEqualTo(new HashMap<>(expected));
                            assertThat(talkCoverageMet(api)).isEqualTo(FIRST_SECRETARIES);
                        });
            }
            var deadLetters = topics.readAll(Topics.deadLetter(CONSUMER)).stream()
                    .map(r -> header(r.headers().lastHeader("kafka_dlt-original-topic")) + "@"
                            + toLong(r.headers().lastHeader("kafka_dlt-original-offset")))
                    .toList();
            assertThat(deadLetters).containsAll(badRecords);

            var activityTopic = topics.readAll(Topics.ACTIVITY);
            assertThat(activityIds(activityTopic)).containsAll(unpublishedAtRelayKill);
            assertBranchOrder(activityTopic, corrected);

            System.out.printf(
                    "Faults: %d activities (%d meeting obligations) from %d clients; %d SIGKILLs of the assessment"
                            + " service, 1 broker restart, 1 SIGKILL of the activity service with %d activities"
                            + " written but not yet published (all published since); %d bad records dead-lettered"
                            + " with their coordinates; %d records delivered again; %d obligations met, each by"
                            + " exactly its activity; %d activities corrected %d times, every revision in order on"
                            + " its branch's partition; %.0f s%n",
                    posted.get(),
                    expected.size(),
                    CLIENTS,
                    CONSUMER_KILLS,
                    unpublishedAtRelayKill.size(),
                    badRecords.size(),
                    repeated,
                    expected.size(),
                    corrected.size(),
                    CORRECTIONS,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * Waits until the assessment service has consumed the activity topic, showing how far behind it
     * is once a minute; reading the projections meanwhile would only slow it down.
     */
    private static void awaitCaughtUp(TopicProbe topics) {
        var shown = new AtomicLong(System.nanoTime());
        topics.awaitConsumed(CONSUMER, Topics.ACTIVITY, Duration.ofMinutes(FULL ? 90 : 5), lag -> {
            if (System.nanoTime() - shown.get() > Duration.ofMinutes(1).toNanos()) {
                shown.set(System.nanoTime());
                progress("the assessment service is " + lag + " records behind");
            }
        });
    }

    /** The relay kill first (the stream must still be flowing), then the consumer kills with the broker restart midway. */
    private static List<Fault> schedule() {
        var faults = new ArrayList<Fault>(Collections.nCopies(CONSUMER_KILLS, Fault.KILL_CONSUMER));
        faults.add(0, Fault.KILL_RELAY);
        faults.add(faults.size() / 2 + 1, Fault.RESTART_BROKER);
        return faults;
    }

    /** Injects one fault; for a relay kill, the activities written but not yet published when it died. */
    private static Set<String> inject(Fault fault, RunningPlatform platform, TopicProbe topics, AtomicInteger posted) {
        progress(fault + " at " + posted.get() + " activities posted");
        switch (fault) {
            case KILL_CONSUMER -> platform.killAndRestart(CONSUMER);
            case RESTART_BROKER -> platform.restartBroker();
            case KILL_RELAY -> {
                return killRelayBetweenWriteAndPublish(platform, topics, posted);
            }
        }
        return Set.of();
    }

    /**
     * Kills the activity service with SIGKILL and looks at its store and the topic while it is dead:
     * the kill counts only if some activity is written with its event still pending and not on the
     * topic. Otherwise the service is restarted and killed again once more work has come in.
     */
    private static Set<String> killRelayBetweenWriteAndPublish(
            RunningPlatform platform, TopicProbe topics, AtomicInteger posted) {
        try (var client = MongoClients.create(platform.mongoConnectionString())) {
            var activities = client.getDatabase(RunningPlatform.databaseOf(ACTIVITY_SERVICE))
                    .getCollection("activities");
            for (int attempt = 1; ; attempt++) {
                platform.kill(ACTIVITY_SERVICE);
                var pending = new HashSet<String>();
                activities
                        .find(Filters.exists("outboxSince"))
                        .projection(Projections.include("_id"))
                        .forEach(d -> pending.add(d.getString("_id")));
                pending.removeAll(activityIds(topics.readAll(Topics.ACTIVITY)));
                platform.restart(ACTIVITY_SERVICE);
                if (!pending.isEmpty()) {
                    return pending;
                }
                assertThat(attempt)
                        .as("a kill that catches activities written but not yet published")
                        .isLessThan(20);
                int seen = posted.get();
                assertThat(seen)
                        .as("activities still to post after the relay kill")
                        .isLessThan(ACTIVITIES);
                await().atMost(Duration.ofMinutes(2)).until(() -> posted.get() > seen);
            }
        }
    }

    private static void organisation(ApiClient api) {
        assertThat(api.post("/api/v1/bureaus", "{\"code\":\"ft\",\"name\":\"故障演练局\",\"level\":\"COUNTY\"}")
                        .status())
                .isEqualTo(201);
        for (int i = 0; i < FIRST_SECRETARIES; i++) {
            api.post("/api/v1/bureaus/ft/branches", "{\"code\":\"b" + i + "\",\"name\":\"支部" + i + "\"}");
            api.post(
                    "/api/v1/bureaus/ft/members",
                    "{\"id\":\"fs" + i + "\",\"name\":\"书记" + i + "\",\"roles\":[\"COMMITTEE_MEMBER\"],\"branch\":\"b"
                            + i + "\"}");
            api.post(
                    "/api/v1/bureaus/ft/members",
                    "{\"id\":\"m" + i + "\",\"name\":\"党员" + i + "\",\"branch\":\"b" + i + "\"}");
            api.post(
                    "/api/v1/bureaus/ft/first-secretaries",
                    "{\"member\":\"fs" + i + "\",\"branch\":\"b" + i + "\",\"from\":\"2026-01-01\"}");
        }
        await().atMost(Duration.ofMinutes(3))
                .until(() -> api.get("/api/v1/bureaus/ft/obligations?size=1")
                                .body()
                                .get("total")
                                .asLong()
                        >= 26L * FIRST_SECRETARIES);
    }

    /**
     * Posts an activity under one Idempotency-Key until it is accepted: through a dead or restarting
     * activity service, and while it is still learning the directory. Returns its id.
     */
    private static String post(ApiClient api, String body) {
        String key = UUID.randomUUID().toString();
        return retried(() -> api.post("/api/v1/bureaus/ft/activities", body, "Idempotency-Key", key))
                .get("id")
                .asString();
    }

    /**
     * Corrects an activity's title {@link #CORRECTIONS} times, each after the last was accepted. A
     * correction whose answer was lost in a crash is sent again and makes one revision more.
     */
    private static void correct(ApiClient api, String id) {
        for (int r = 1; r <= CORRECTIONS; r++) {
            String body = "{\"reason\":\"更正第" + r + "次\",\"title\":\"故障演练（第" + r + "次更正）\"}";
            retried(() -> api.post("/api/v1/bureaus/ft/activities/" + id + "/corrections", body));
        }
    }

    private static JsonNode retried(Supplier<ApiClient.Response> request) {
        return await().atMost(Duration.ofMinutes(2))
                .pollDelay(PACE)
                .pollInterval(Duration.ofMillis(250))
                .until(request::get, r -> r.status() == 200 || r.status() == 201)
                .body();
    }

    /** Garbage and schema-invalid records on the activity topic; their coordinates. */
    private static List<String> injectBadRecords(TopicProbe topics) {
        var coordinates = new ArrayList<String>();
        var bodies = List.of(
                "not json at all",
                "{\"truncated\":",
                "{\"id\":\"x\",\"bureau\":\"ft\"}",
                "{\"id\":42,\"bureau\":[],\"type\":\"TALK\"}");
        for (String body : bodies) {
            var metadata = topics.send(
                    Topics.ACTIVITY,
                    "ft/b0",
                    body.getBytes(StandardCharsets.UTF_8),
                    "ce_specversion",
                    "1.0",
                    "ce_id",
                    UUID.randomUUID().toString(),
                    "ce_source",
                    Topics.source(Topics.ACTIVITY).orElseThrow(),
                    "ce_type",
                    "firstsec.activity.logged.v1",
                    "ce_bureau",
                    "ft");
            coordinates.add(metadata.topic() + "@" + metadata.offset());
        }
        return coordinates;
    }

    /** Sends the first stretch of the activity topic again, unchanged (same keys, headers, ids). */
    private static int redeliver(TopicProbe topics) {
        var records = topics.readAll(Topics.ACTIVITY).stream()
                .filter(r -> r.key() != null && r.key().startsWith("ft/"))
                .limit(FULL ? 2_000 : 100)
                .toList();
        for (var record : records) {
            var headers = new ArrayList<String>();
            for (Header h : record.headers()) {
                headers.add(h.key());
                headers.add(new String(h.value(), StandardCharsets.UTF_8));
            }
            topics.send(Topics.ACTIVITY, record.key(), record.value(), headers.toArray(String[]::new));
        }
        return records.size();
    }

    /**
     * Each branch's events are on one partition, and, reading each partition in offset order and
     * each event at its first delivery, every corrected activity shows revisions 0, 1, 2, … in order.
     */
    private static void assertBranchOrder(List<ConsumerRecord<String, byte[]>> records, Set<String> corrected) {
        var partitionsOfBranch = new HashMap<String, Set<Integer>>();
        var revisions = new HashMap<String, List<Integer>>();
        var seen = new HashSet<String>();
        var inOrder = records.stream()
                .sorted(Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
                        .thenComparingLong(ConsumerRecord::offset))
                .toList();
        for (var record : inOrder) {
            if (record.key() == null || !record.key().startsWith("ft/")) {
                continue;
            }
            partitionsOfBranch
                    .computeIfAbsent(record.key(), k -> new HashSet<>())
                    .add(record.partition());
            var event = json(record.value());
            if (event == null || !seen.add(header(record.headers().lastHeader("ce_id")))) {
                continue;
            }
            String id = event.path("id").asString("");
            if (corrected.contains(id)) {
                revisions
                        .computeIfAbsent(id, k -> new ArrayList<>())
                        .add(event.path("revision").asInt(0));
            }
        }
        assertThat(partitionsOfBranch.values()).allSatisfy(p -> assertThat(p).hasSize(1));
        assertThat(revisions.keySet()).containsExactlyInAnyOrderElementsOf(corrected);
        assertThat(revisions.values())
                .allSatisfy(r -> assertThat(r)
                        .hasSizeGreaterThan(CORRECTIONS)
                        .isEqualTo(IntStream.range(0, r.size()).boxed().toList()));
    }

    private static Set<String> activityIds(List<ConsumerRecord<String, byte[]>> records) {
        var ids = new HashSet<String>();
        for (var record : records) {
            var event = json(record.value());
            if (event != null && event.path("id").isString()) {
                ids.add(event.path("id").asString());
            }
        }
        return ids;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    /** Met obligations of the three duties, as "fs duty period" → the single evidence id. */
    private static Map<String, String> metEvidence(ApiClient api) {
        var met = new HashMap<String, String>();
        for (int i = 0; i < FIRST_SECRETARIES; i++) {
            for (JsonNode o : ok(api.get("/api/v1/bureaus/ft/obligations?assignee=fs" + i + "&size=100"))
                    .get("items")
                    .values()) {
                String duty = o.get("duty").asString();
                if (DUTIES.contains(duty) && o.get("status").asString().startsWith("MET")) {
                    var evidence = o.get("evidence").values();
                    met.put(
                            "fs" + i + " " + duty + " " + o.get("period").asString(),
                            evidence.size() == 1 ? evidence.iterator().next().asString() : evidence.toString());
                }
            }
        }
        return met;
    }

    private static long talkCoverageMet(ApiClient api) {
        return ok(api.get("/api/v1/bureaus/ft/obligations?duty=MEMBER_TALK_COVERAGE&size=" + FIRST_SECRETARIES))
                .get("items")
                .values()
                .stream()
                .filter(o -> o.get("status").asString().startsWith("MET"))
                .count();
    }

    /** The body of a 200; anything else fails the assertion, so a wait tries again. */
    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private static String header(Header header) {
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long toLong(Header header) {
        return header == null ? -1 : ByteBuffer.wrap(header.value()).getLong();
    }

    private static void progress(String what) {
        System.out.printf("[faults %tT] %s%n", System.currentTimeMillis(), what);
    }
}
