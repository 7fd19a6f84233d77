package io.firstsecretary.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRuntimeIT {

    @TempDir
    Path data;

    @Test
    void brokerAndStoreKeepTheirDataAcrossARestart() throws Exception {
        int mongoPort = FreePorts.next(), kafkaPort = FreePorts.next(), controllerPort = FreePorts.next();

        try (var runtime = EmbeddedRuntime.start(data, mongoPort, kafkaPort, controllerPort)) {
            try (var admin = Admin.create(Map.of("bootstrap.servers", runtime.kafkaBootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("probe", 1, (short) 1)))
                        .all()
                        .get();
            }
            try (var producer = new KafkaProducer<>(
                    Map.<String, Object>of("bootstrap.servers", runtime.kafkaBootstrapServers()),
                    new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>("probe", "k", "kept")).get();
            }
            try (var client = MongoClients.create(runtime.mongoUri("probe"))) {
                client.getDatabase("probe").getCollection("things").insertOne(new Document("_id", "a"));
            }
        }

        try (var runtime = EmbeddedRuntime.start(data, mongoPort, kafkaPort, controllerPort)) {
            assertThat(readAll(runtime.kafkaBootstrapServers(), "probe")).containsExactly("kept");
            try (var client = MongoClients.create(runtime.mongoUri("probe"))) {
                assertThat(client.getDatabase("probe").getCollection("things").countDocuments())
                        .isEqualTo(1);
            }
        }
    }

    private static List<String> readAll(String bootstrap, String topic) {
        var values = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        "bootstrap.servers", bootstrap, "group.id", "probe", "auto.offset.reset", "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
