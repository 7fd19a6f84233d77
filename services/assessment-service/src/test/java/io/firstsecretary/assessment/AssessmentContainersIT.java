package io.firstsecretary.assessment;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The same scenarios on real Kafka and MongoDB images; skipped where Docker is not available. */
@Testcontainers(disabledWithoutDocker = true)
class AssessmentContainersIT extends AssessmentScenarios {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @DynamicPropertySource
    static void runtime(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("assessment-it"));
        // the scenarios then ask MongoDB to explain every query shape they recorded
        registry.add("firstsec.test.store", () -> "mongodb");
    }
}
