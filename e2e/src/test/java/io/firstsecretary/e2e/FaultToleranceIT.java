package io.firstsecretary.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firstsecretary.contracts.Topics;
import io.firstsecretary.infra.platform.PlatformOptions;
import io.firstsecretary.infra.platform.RunningPlatform;
import io.firstsecretary.infra.testing.ApiClient;
import io.firstsecretary.infra.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Nothing lost, nothing double-counted under faults: a stream of activities goes through the gateway
 * while the assessment service is killed with SIGKILL and restarted, malformed and schema-invalid
 * records are put on the activity topic, and a stretch of the topic is delivered again. Afterwards
 * every obligation the stream meets is met by exactly the activity that meets it (an expectation
 * computed from what was posted, not from the projections), every first secretary's talk coverage is
 * met, the activity store holds each activity once, and each bad record is in the dead-letter topic
 * with its original coordinates. {@code make test} runs it small; {@code make faults}
 * ({@code -Dfaults.full=true}) runs it with ten kills and a long stream.
 */
class FaultToleranceIT {

    static final boolean FULL = Boolean.getBoolean("faults.full");
    static final int FIRST_SECRETARIES = FULL ? 40 : 12;
    static final int TALKS = FULL ? 20_000 : 600;
    static final int KILLS = FULL ? 10 : 2;
    static final List<String> DUTIES = List.of("GUIDANCE_OPINION", "REPORT_HEARING", "FOUR_TRUE_RESEARCH");
    static final List<String> QUARTERS = List.of("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
    static final List<String> DAYS = List.of("2026-02-10", "2026-05-10", "2026-08-10", "2026-11-10");

    @TempDir
    static Path data;

    @Test
    void nothingIsLostOrCountedTwiceWhileTheServiceIsKilledAndRecordsAreBadOrRepeated() throws Exception {
        long started = System.nanoTime();
        try (var platform = RunningPlatform.start(PlatformOptions.onFreePorts(
                        Path.of(".."), data, false, Map.of("FIRSTSEC_CLOCK_FIXED", "2026-11-25T02:00:00Z")));
                var topics = new TopicProbe(platform.kafkaBootstrapServers())) {
            var api = new ApiClient(platform.gatewayUrl());
            organisation(api);

            // the expectation: which activity meets which obligation, from the posts alone
            var expected = new ConcurrentHashMap<String, String>();
            var posted = new AtomicInteger();
            var work = new ArrayList<Runnable>();
            for (int fs = 0; fs < FIRST_SECRETARIES; fs++) {
                for (int d = 0; d < DUTIES.size(); d++) {
                    for (int q = 0; q < QUARTERS.size(); q++) {
                        int n = fs;
                        String duty = DUTIES.get(d);
                        String quarter = QUARTERS.get(q);
                        String day = DAYS.get(q);
                        work.add(() -> {
                            var response = post(
                                    api,
                                    "{\"type\":\"" + duty + "\",\"branch\":\"b" + n + "\",\"actor\":\"fs" + n
                                            + "\",\"occurredOn\":\"" + day + "\",\"title\":\"故障演练\"}");
                            expected.put(
                                    "fs" + n + " " + duty + " " + quarter,
                                    response.get("id").asString());
                            posted.incrementAndGet();
                        });
                    }
                }
            }
            for (int t = 0; t < TALKS; t++) {
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
            java.util.Collections.shuffle(work, new java.util.Random(7));

            var pool = Executors.newFixedThreadPool(4);
            var done = new ArrayList<Future<?>>();
            work.forEach(w -> done.add(pool.submit(w)));
            var badRecords = injectBadRecords(topics);
            int kills = 0;
            for (var next : done) {
                if (kills < KILLS && posted.get() > (kills + 1) * work.size() / (KILLS + 1)) {
                    platform.killAndRestart("assessment-service");
                    kills++;
                }
                next.get();
            }
            while (kills < KILLS) {
                platform.killAndRestart("assessment-service");
                kills++;
            }
            pool.shutdown();
            int repeated = redeliver(topics);

            await().atMost(Duration.ofMinutes(FULL ? 20 : 4))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        assertThat(api.get("/api/v1/bureaus/ft/activities?size=1")
                                        .body()
                                        .get("total")
                                        .asLong())
                                .isEqualTo(posted.get());
                        assertThat(metEvidence(api)).isEqualTo(new HashMap<>(expected));
                        assertThat(talkCoverageMet(api)).isEqualTo(FIRST_SECRETARIES);
                    });
            var deadLetters = topics.readAll(Topics.deadLetter("assessment-service")).stream()
                    .map(r -> header(r.headers().lastHeader("kafka_dlt-original-topic")) + "@"
                            + toLong(r.headers().lastHeader("kafka_dlt-original-offset")))
                    .toList();
            assertThat(deadLetters).containsAll(badRecords);

            System.out.printf(
                    "Faults: %d activities (%d meeting obligations), %d SIGKILLs of the assessment service, %d bad records"
                            + " dead-lettered with their coordinates, %d records delivered again; %d obligations met,"
                            + " each by exactly its activity; %.0f s%n",
                    posted.get(),
                    expected.size(),
                    kills,
                    badRecords.size(),
                    repeated,
                    expected.size(),
                    (System.nanoTime() - started) / 1e9);
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

    /** Posts an activity, retrying while the activity service is still learning the directory. */
    private static JsonNode post(ApiClient api, String body) {
        var response = await().atMost(Duration.ofSeconds(60))
                .until(() -> api.post("/api/v1/bureaus/ft/activities", body), r -> r.status() == 201);
        return response.body();
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
                    java.util.UUID.randomUUID().toString(),
                    "ce_source",
                    "urn:firstsec:fault-test",
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

    /** Met obligations of the three duties, as "fs duty period" → the single evidence id. */
    private static Map<String, String> metEvidence(ApiClient api) {
        var met = new HashMap<String, String>();
        for (int i = 0; i < FIRST_SECRETARIES; i++) {
            for (JsonNode o : api.get("/api/v1/bureaus/ft/obligations?assignee=fs" + i + "&size=100")
                    .body()
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
        return api
                .get("/api/v1/bureaus/ft/obligations?duty=MEMBER_TALK_COVERAGE&size=100")
                .body()
                .get("items")
                .values()
                .stream()
                .filter(o -> o.get("status").asString().startsWith("MET"))
                .count();
    }

    private static String header(Header header) {
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long toLong(Header header) {
        return header == null ? -1 : java.nio.ByteBuffer.wrap(header.value()).getLong();
    }
}
