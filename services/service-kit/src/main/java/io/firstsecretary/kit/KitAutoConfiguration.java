package io.firstsecretary.kit;

import com.mongodb.event.CommandListener;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.kit.consumer.DeadLetters;
import io.firstsecretary.kit.consumer.ReplicaCatchUp;
import io.firstsecretary.kit.health.ConsumersHealthIndicator;
import io.firstsecretary.kit.health.MongoPingHealthIndicator;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.outbox.OutboxCollections;
import io.firstsecretary.kit.outbox.OutboxRelay;
import io.firstsecretary.kit.outbox.OutboxWrites;
import io.firstsecretary.kit.outbox.PublishBeforeAnswer;
import io.firstsecretary.kit.store.StoreIndex;
import io.firstsecretary.kit.store.StoreIndexes;
import io.firstsecretary.kit.time.ClockConfiguration;
import io.firstsecretary.kit.web.ProblemDetailsAdvice;
import io.firstsecretary.kit.web.ProblemErrorReportValve;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.catalina.core.StandardHost;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/** Wires the kit into every service; defaults live in {@code firstsec-kit.properties}. */
@AutoConfiguration
@EnableScheduling
@PropertySource("classpath:firstsec-kit.properties")
@Import({ClockConfiguration.class, ProblemDetailsAdvice.class})
public class KitAutoConfiguration {

    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    /** Named {@code consumers} in the health groups: readiness waits for every listener to join its group. */
    @Bean
    ConsumersHealthIndicator consumersHealthIndicator(ObjectProvider<KafkaListenerEndpointRegistry> registry) {
        return new ConsumersHealthIndicator(registry);
    }

    /**
     * Command listeners on the classpath ({@code META-INF/services/com.mongodb.event.CommandListener})
     * hear every command the service sends its store: how a test counts and checks them.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer classpathCommandListeners() {
        return settings -> ServiceLoader.load(CommandListener.class).forEach(settings::addCommandListener);
    }

    /** Every declared index, created once the beans exist and before listeners and the relay start. */
    @Bean
    SmartInitializingSingleton storeIndexCreation(MongoTemplate mongo, ObjectProvider<StoreIndexes> declared) {
        return () -> StoreIndexes.create(
                mongo,
                declared.orderedStream().flatMap(d -> d.indexes().stream()).toList());
    }

    @Bean
    Outbox outbox(
            MongoTemplate mongo,
            Clock clock,
            OutboxWrites writes,
            @Value("${spring.application.name}") String application) {
        return new Outbox(mongo, clock, "urn:firstsec:" + application, writes);
    }

    @Bean
    OutboxWrites outboxWrites() {
        return new OutboxWrites();
    }

    /**
     * Request bodies mean what they say: a number is neither a text nor a day (no silent coercion of
     * {@code 12} into {@code "12"} or into 13 January 1970).
     */
    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder.defaultLeniency(false)
                .withCoercionConfig(
                        LogicalType.Textual,
                        text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** Errors Tomcat answers on its own are problem+json too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** The collections named by {@code firstsec.outbox.collections}, unless the service names its own. */
    @Bean
    @ConditionalOnMissingBean
    OutboxCollections outboxCollections(@Value("${firstsec.outbox.collections:}") List<String> collections) {
        var names = List.copyOf(collections);
        return () -> names;
    }

    /** The relay's search for pending events, by when they became pending. */
    @Bean
    StoreIndexes outboxIndexes(OutboxCollections collections) {
        return () -> collections.names().stream()
                .map(c -> StoreIndex.on(c, Outbox.PENDING_SINCE))
                .toList();
    }

    @Bean
    OutboxRelay outboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            OutboxCollections collections,
            @Value("${firstsec.outbox.batch-size:500}") int batchSize,
            @Value("${firstsec.outbox.send-timeout:10s}") Duration sendTimeout,
            OutboxWrites writes,
            @Value("${firstsec.outbox.search-interval:10s}") Duration searchInterval) {
        var relay = new OutboxRelay(mongo, kafka, collections, batchSize, sendTimeout, writes, searchInterval);
        relay.prepareIndexes();
        return relay;
    }

    /**
     * For a service whose changes others replicate (the organisation directory): its writes answer
     * once their events are on the broker.
     */
    @Bean
    @ConditionalOnProperty(name = "firstsec.outbox.publish-before-answer", havingValue = "true")
    PublishBeforeAnswer publishBeforeAnswer(OutboxRelay relay, OutboxWrites writes) {
        return new PublishBeforeAnswer(relay, writes);
    }

    @Bean
    @ConditionalOnProperty(name = "firstsec.outbox.relay.enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelaySchedule outboxRelaySchedule(
            OutboxRelay relay,
            OutboxWrites writes,
            @Value("${firstsec.outbox.poll-interval:200ms}") Duration interval,
            @Value("${firstsec.outbox.linger:5ms}") Duration linger) {
        return new OutboxRelaySchedule(relay, writes, interval, linger);
    }

    @Bean
    DefaultErrorHandler deadLetteringErrorHandler(
            KafkaTemplate<String, byte[]> kafka,
            MeterRegistry meters,
            @Value("${spring.kafka.consumer.group-id}") String group,
            @Value("${firstsec.consumer.retries:2}") long retries,
            @Value("${firstsec.consumer.retry-interval:500ms}") Duration interval) {
        return DeadLetters.errorHandler(kafka, group, meters, new FixedBackOff(interval.toMillis(), retries));
    }

    @Bean
    ReplicaCatchUp replicaCatchUp(
            KafkaAdmin admin,
            @Value("${spring.kafka.consumer.group-id}") String group,
            @Value("${firstsec.replica.catch-up-wait:3s}") Duration bound,
            @Value("${firstsec.replica.retry-after:2s}") Duration retryAfter,
            MeterRegistry meters) {
        return new ReplicaCatchUp(admin, group, bound, retryAfter, meters);
    }

    /** The topics of the platform and this service's dead-letter topic, created if missing. */
    @Bean
    KafkaAdmin.NewTopics firstsecTopics(
            @Value("${spring.kafka.consumer.group-id}") String group,
            @Value("${firstsec.topics.partitions:3}") int partitions,
            @Value("${firstsec.topics.replicas:1}") short replicas) {
        String forever = "-1";
        return new KafkaAdmin.NewTopics(
                topic(Topics.ORGANISATION, partitions, replicas, forever),
                topic(Topics.ACTIVITY, partitions, replicas, forever),
                topic(Topics.ASSESSMENT, partitions, replicas, null),
                topic(Topics.NOTIFICATION, partitions, replicas, null),
                topic(Topics.deadLetter(group), 1, replicas, forever));
    }

    private static NewTopic topic(String name, int partitions, short replicas, String retentionMs) {
        var builder = TopicBuilder.name(name).partitions(partitions).replicas(replicas);
        if (retentionMs != null) {
            builder.config("retention.ms", retentionMs);
        }
        return builder.build();
    }

    /**
     * Runs the relay on its own thread: {@code firstsec.outbox.linger} after a write of this process,
     * and every {@code firstsec.outbox.poll-interval} for what others wrote; disabled with {@code
     * firstsec.outbox.relay.enabled=false}.
     */
    static class OutboxRelaySchedule implements SmartLifecycle {

        private final OutboxRelay relay;
        private final OutboxWrites writes;
        private final Duration interval;
        private final Duration linger;
        private volatile Thread thread;

        OutboxRelaySchedule(OutboxRelay relay, OutboxWrites writes, Duration interval, Duration linger) {
            this.relay = relay;
            this.writes = writes;
            this.interval = interval;
            this.linger = linger;
        }

        @Override
        public void start() {
            var started = new Thread(this::run, "outbox-relay");
            started.setDaemon(true);
            thread = started;
            started.start();
        }

        private void run() {
            while (thread == Thread.currentThread()) {
                relay.relayQuietly();
                try {
                    if (writes.awaitWrite(interval) && !linger.isZero()) {
                        // like a producer's linger.ms: the writes of the next moments go out in the same pass
                        Thread.sleep(linger.toMillis());
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void stop() {
            var running = thread;
            thread = null;
            if (running != null) {
                running.interrupt();
                try {
                    running.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public boolean isRunning() {
            return thread != null;
        }
    }
}
