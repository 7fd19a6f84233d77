package io.firstsecretary.kit.consumer;

import io.firstsecretary.contracts.Topics;
import io.firstsecretary.kit.events.ForgedEventException;
import io.firstsecretary.kit.events.MalformedEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Poison messages leave the partition after bounded retries: they are published to the consumer
 * group's dead-letter topic with their original coordinates (Spring Kafka's {@code kafka_dlt-*}
 * headers) and counted, and the partition moves on. Malformed events skip the retries.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {}

    public static DefaultErrorHandler errorHandler(
            KafkaOperations<?, ?> template, String consumerGroup, MeterRegistry meters, FixedBackOff retries) {
        String topic = Topics.deadLetter(consumerGroup);
        var recoverer = new DeadLetterPublishingRecoverer(template, (record, exception) -> {
            Counter.builder("firstsec.events.dead.lettered")
                    .description("Events sent to a dead-letter topic after failing processing")
                    .tag("topic", record.topic())
                    .tag("group", consumerGroup)
                    .tag("reason", reason(exception))
                    .register(meters)
                    .increment();
            log.error(
                    "Dead-lettering {}-{}@{} to {}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    topic,
                    cause(exception).getMessage());
            return new TopicPartition(topic, -1);
        });
        var handler = new DefaultErrorHandler(recoverer, retries);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    /**
     * The exception the listener threw, inside the container's wrapping ({@code
     * ListenerExecutionFailedException}, and {@code BatchListenerFailedException} for a batch).
     */
    private static Throwable cause(Throwable exception) {
        var cause = exception;
        while (cause instanceof KafkaException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Why a record was dead-lettered: {@code forged}, {@code malformed}, or {@code failed} after its retries. */
    static String reason(Throwable exception) {
        for (var cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ForgedEventException) {
                return "forged";
            }
            if (cause instanceof MalformedEventException) {
                return "malformed";
            }
        }
        return "failed";
    }
}
