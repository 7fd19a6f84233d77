package io.firstsecretary.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.infra.EmbeddedRuntime;
import io.firstsecretary.infra.testing.TestIssuer;
import io.firstsecretary.infra.testing.TopicProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code make bench}: a 10,000-member CSV import through the API (validation, one document and
 * its outbox event per member, the relay publishing every event to Kafka), against the raw store
 * and broker doing the bare writes on the same machine in the same run. Not part of {@code make
 * test}: the name matches neither {@code *Test} nor {@code *IT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportBenchmark {

    static final int BRANCHES = 100;
    static final int MEMBERS = 10_000;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void runtime(DynamicPropertyRegistry registry) {
        var runtime = EmbeddedRuntime.shared();
        registry.add("spring.kafka.bootstrap-servers", runtime::kafkaBootstrapServers);
        TestIssuer.shared().properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.mongodb.uri", () -> runtime.mongoUri("import-bench"));
    }

    @Test
    void importTenThousandMembers() throws Exception {
        var runtime = EmbeddedRuntime.shared();
        post("/api/v1/bureaus", "application/json", "{\"code\":\"bench\",\"name\":\"基准测试局\",\"level\":\"MUNICIPAL\"}");
        var branches = new StringBuilder("code,name,divisions\n");
        for (int b = 0; b < BRANCHES; b++) {
            branches.append("b")
                    .append(b)
                    .append(",第")
                    .append(b)
                    .append("党支部,科室")
                    .append(b)
                    .append('\n');
        }
        post("/api/v1/bureaus/bench/imports/branches", "text/csv", branches.toString());
        var members = new StringBuilder("id,name,email,phone,roles,branch,partyGroup,joinedPartyOn\n");
        for (int m = 0; m < MEMBERS; m++) {
            members.append("bench-")
                    .append(m)
                    .append(",党员")
                    .append(m)
                    .append(",m")
                    .append(m)
                    .append("@js-tax.example,139")
                    .append(String.format("%08d", m))
                    .append(',')
                    .append(m % 100 == 0 ? "BRANCH_SECRETARY" : "MEMBER")
                    .append(",b")
                    .append(m / (MEMBERS / BRANCHES))
                    .append(",,2001-07-01\n");
        }
        var topics = new TopicProbe(runtime.kafkaBootstrapServers());
        long eventsBefore = topics.readAll(Topics.ORGANISATION).size();

        long started = System.nanoTime();
        var dryRun = post("/api/v1/bureaus/bench/imports/members?dryRun=true", "text/csv", members.toString());
        long dryRunNanos = System.nanoTime() - started;
        assertThat(dryRun).contains("\"created\":" + MEMBERS);

        started = System.nanoTime();
        var imported = post("/api/v1/bureaus/bench/imports/members", "text/csv", members.toString());
        long importNanos = System.nanoTime() - started;
        assertThat(imported).contains("\"created\":" + MEMBERS);
        while (topics.readAll(Topics.ORGANISATION).size() < eventsBefore + MEMBERS) {
            Thread.sleep(100);
        }
        long publishedNanos = System.nanoTime() - started;
        topics.close();

        long rawStoreNanos = rawStoreWrites(runtime.mongoUri("import-bench-raw"));
        long rawBrokerNanos = rawBrokerWrites(runtime.kafkaBootstrapServers());

        var report = String.join(
                System.lineSeparator(),
                "Import benchmark: " + MEMBERS + " members in " + BRANCHES + " branches, one run",
                String.format("  dry run (parse + validate)           %8.2f s", dryRunNanos / 1e9),
                String.format(
                        "  import (validate + write + outbox)   %8.2f s  %7.0f members/s",
                        importNanos / 1e9, MEMBERS / (importNanos / 1e9)),
                String.format("  ... until all events are on Kafka    %8.2f s", publishedNanos / 1e9),
                String.format("  raw store: %d single inserts      %8.2f s", MEMBERS, rawStoreNanos / 1e9),
                String.format("  raw broker: %d acked sends        %8.2f s", MEMBERS, rawBrokerNanos / 1e9),
                String.format(
                        "  import+publish / (raw store + raw broker) = %.1fx",
                        publishedNanos / (double) (rawStoreNanos + rawBrokerNanos)));
        System.out.println(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/import.txt"), report + System.lineSeparator());
    }

    private static long rawStoreWrites(String uri) {
        try (var client = MongoClients.create(uri)) {
            var collection = client.getDatabase("import-bench-raw").getCollection("members");
            long started = System.nanoTime();
            for (int m = 0; m < MEMBERS; m++) {
                collection.insertOne(new Document("_id", "raw-" + m)
                        .append("bureau", "bench")
                        .append("name", "党员" + m)
                        .append("roles", List.of("MEMBER"))
                        .append("branch", "b" + m / 100)
                        .append("active", true));
            }
            return System.nanoTime() - started;
        }
    }

    private static long rawBrokerWrites(String bootstrap) throws Exception {
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("firstsec.bench.raw", 3, (short) 1)))
                    .all()
                    .get();
        }
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", true),
                new StringSerializer(),
                new ByteArraySerializer())) {
            byte[] payload = "{\"id\":\"raw\",\"name\":\"党员\",\"roles\":[\"MEMBER\"]}".getBytes(StandardCharsets.UTF_8);
            long started = System.nanoTime();
            var sends = new ArrayList<java.util.concurrent.Future<?>>();
            for (int m = 0; m < MEMBERS; m++) {
                sends.add(producer.send(new ProducerRecord<>("firstsec.bench.raw", "bench", payload)));
            }
            for (var send : sends) {
                send.get();
            }
            return System.nanoTime() - started;
        }
    }

    private String post(String path, String contentType, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(
                        "Authorization",
                        "Bearer " + TestIssuer.shared().operator().get())
                .header("Content-Type", contentType)
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return response.body();
    }
}
