package io.firstsecretary.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import io.firstsecretary.infra.platform.PlatformOptions;
import io.firstsecretary.infra.platform.RunningPlatform;
import io.firstsecretary.infra.testing.ApiClient;
import io.firstsecretary.infra.testing.PlatformCredentials;
import io.firstsecretary.infra.testing.TopicProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make bench}: sustained ingest of activities through the gateway, from validation to the
 * event on Kafka, against the bare store inserts on the same machine in the same run. Not part of
 * {@code make test}: the name matches neither {@code *Test} nor {@code *IT}.
 */
class GatewayIngestBenchmark {

    static final int ACTIVITIES = 2_000;
    static final int CLIENTS = 4;

    @TempDir
    Path data;

    @Test
    void ingestThroughTheGateway() throws Exception {
        try (var platform = RunningPlatform.start(PlatformOptions.onFreePorts(Path.of(".."), data, false, Map.of()))) {
            var api = new ApiClient(
                    platform.gatewayUrl(), PlatformCredentials.of(platform).operator());
            api.post("/api/v1/bureaus", "{\"code\":\"bench\",\"name\":\"基准测试局\",\"level\":\"COUNTY\"}");
            api.post("/api/v1/bureaus/bench/branches", "{\"code\":\"zgnf\",\"name\":\"征管党支部\"}");
            api.post("/api/v1/bureaus/bench/members", "{\"id\":\"bench-a\",\"name\":\"甲\",\"branch\":\"zgnf\"}");
            api.post("/api/v1/bureaus/bench/members", "{\"id\":\"bench-b\",\"name\":\"乙\",\"branch\":\"zgnf\"}");
            String talk = "{\"type\":\"TALK\",\"branch\":\"zgnf\",\"actor\":\"bench-a\",\"occurredOn\":\"2026-01-05\","
                    + "\"title\":\"谈心谈话\",\"participants\":[\"bench-b\"]}";
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (api.post("/api/v1/bureaus/bench/activities", talk).status() != 201) {
                assertThat(System.nanoTime())
                        .as("the activity service learns the directory")
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
            var topics = new TopicProbe(platform.kafkaBootstrapServers());
            long before = topics.readAll("firstsec.activity.v1").size();

            long started = System.nanoTime();
            var pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                var calls = new ArrayList<Future<Integer>>();
                for (int c = 0; c < CLIENTS; c++) {
                    calls.add(pool.submit((Callable<Integer>) () -> {
                        var client = new ApiClient(
                                platform.gatewayUrl(),
                                PlatformCredentials.of(platform).operator());
                        int created = 0;
                        for (int i = 0; i < ACTIVITIES / CLIENTS; i++) {
                            created += client.post("/api/v1/bureaus/bench/activities", talk)
                                                    .status()
                                            == 201
                                    ? 1
                                    : 0;
                        }
                        return created;
                    }));
                }
                int created = 0;
                for (var call : calls) {
                    created += call.get();
                }
                assertThat(created).isEqualTo(ACTIVITIES);
            } finally {
                pool.shutdown();
            }
            long acceptedNanos = System.nanoTime() - started;
            while (topics.readAll("firstsec.activity.v1").size() < before + ACTIVITIES) {
                Thread.sleep(100);
            }
            long publishedNanos = System.nanoTime() - started;
            topics.close();

            long rawNanos;
            try (var client = MongoClients.create(platform.mongoConnectionString() + "/bench-raw")) {
                var collection = client.getDatabase("bench-raw").getCollection("activities");
                long rawStarted = System.nanoTime();
                for (int i = 0; i < ACTIVITIES; i++) {
                    collection.insertOne(new Document("type", "TALK")
                            .append("branch", "zgnf")
                            .append("actor", "bench-a")
                            .append("participants", java.util.List.of("bench-b")));
                }
                rawNanos = System.nanoTime() - rawStarted;
            }
            var report = String.join(
                    System.lineSeparator(),
                    "Ingest benchmark: " + ACTIVITIES + " activities through the gateway from " + CLIENTS
                            + " clients, one run",
                    String.format(
                            "  accepted (201)            %7.2f s  %6.0f activities/s",
                            acceptedNanos / 1e9, ACTIVITIES / (acceptedNanos / 1e9)),
                    String.format(
                            "  all events on Kafka       %7.2f s  %6.0f activities/s",
                            publishedNanos / 1e9, ACTIVITIES / (publishedNanos / 1e9)),
                    String.format(
                            "  raw store inserts         %7.2f s  %6.0f documents/s",
                            rawNanos / 1e9, ACTIVITIES / (rawNanos / 1e9)),
                    String.format("  pipeline / raw store = %.1fx", publishedNanos / (double) rawNanos));
            System.out.println(report);
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/ingest.txt"), report + System.lineSeparator());
        }
    }
}
