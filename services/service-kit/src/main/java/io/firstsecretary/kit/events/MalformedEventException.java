package io.firstsecretary.kit.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A message that can never be processed: it is dead-lettered at once, without retries. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedEventException(String message, ConsumerRecord<?, ?> record) {
        super(message + " (" + record.topic() + "-" + record.partition() + "@" + record.offset() + ")");
    }

    public MalformedEventException(String message) {
        super(message);
    }
}
