package io.firstsecretary.identity;

import io.firstsecretary.infra.EmbeddedRuntime;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On the embedded Kafka broker and Mongo-wire server. */
class IdentityEmbeddedIT extends IdentityScenarios {

    @DynamicPropertySource
    static void runtime(DynamicPropertyRegistry registry) {
        var runtime = EmbeddedRuntime.shared();
        registry.add("spring.kafka.bootstrap-servers", runtime::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> runtime.mongoUri("identity-it-" + RUN));
    }
}
