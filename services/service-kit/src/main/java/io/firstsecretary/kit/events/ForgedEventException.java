package io.firstsecretary.kit.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record whose {@code ce_source} is not the service that writes its topic: whatever it says, it
 * is not acted on, and it goes to the dead-letter topic with this reason.
 */
public class ForgedEventException extends MalformedEventException {

    public ForgedEventException(String message, ConsumerRecord<?, ?> record) {
        super(message, record);
    }
}
