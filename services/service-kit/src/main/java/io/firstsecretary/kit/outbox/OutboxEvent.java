package io.firstsecretary.kit.outbox;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document to be relayed: everything the Kafka record will
 * carry, fixed at the moment of the state change. {@code data} is the JSON payload.
 */
public record OutboxEvent(
        String id,
        String type,
        String topic,
        String key,
        String source,
        String subject,
        String bureau,
        String bureauPath,
        Instant time,
        String data) {}
