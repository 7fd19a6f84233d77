package io.firstsecretary.kit.outbox;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document to be relayed: everything the Kafka record will
 * carry, fixed at the moment of the state change. {@code data} is the JSON payload; {@code
 * causedBy} who caused the change: the caller of the request, or the service itself for what it
 * does on its own (a duty falling due, a reminder sent).
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
        String causedBy,
        String data) {}
