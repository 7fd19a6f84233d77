package io.firstsecretary.kit.events;

import io.firstsecretary.contracts.EventJson;
import io.firstsecretary.contracts.EventType;
import io.firstsecretary.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A CloudEvent read from a Kafka record in binary mode. */
public record IncomingEvent(String id, String type, String source, String bureau, byte[] data) {

    /**
     * Reads the envelope; a record without the required attributes is malformed, and one whose
     * source is not the service that writes its topic is forged: either goes to the dead-letter
     * topic rather than being guessed at.
     */
    public static IncomingEvent from(ConsumerRecord<String, byte[]> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null || record.value() == null) {
            throw new MalformedEventException("Not a CloudEvent: ce_id, ce_type and a payload are required", record);
        }
        String source = header(record, CloudEventHeaders.SOURCE);
        var owner = Topics.source(record.topic());
        if (owner.isPresent() && !owner.get().equals(source)) {
            throw new ForgedEventException(
                    "Not from the service that writes " + record.topic() + ": ce_source is "
                            + (source == null ? "missing" : source) + ", not " + owner.get(),
                    record);
        }
        return new IncomingEvent(id, type, source, header(record, CloudEventHeaders.BUREAU), record.value());
    }

    public boolean is(EventType<?> eventType) {
        return eventType.type().equals(type);
    }

    /** The payload as the record of its type, or {@link MalformedEventException} if it does not parse. */
    public <T> T payload(EventType<T> eventType) {
        try {
            T payload = EventJson.read(data, eventType.payload());
            if (payload == null) {
                throw new IllegalArgumentException("empty payload");
            }
            return payload;
        } catch (RuntimeException e) {
            throw new MalformedEventException(
                    "Payload of " + type + " " + id + " does not parse: " + e.getMessage(), e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name))
                .map(Header::value)
                .map(v -> new String(v, StandardCharsets.UTF_8))
                .orElse(null);
    }
}
