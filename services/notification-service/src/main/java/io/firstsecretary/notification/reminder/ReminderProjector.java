package io.firstsecretary.notification.reminder;

import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.kit.events.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Schedules reminders for opened obligations and cancels them when an obligation is fulfilled. */
@Component
class ReminderProjector {

    private final ReminderBook book;

    ReminderProjector(ReminderBook book) {
        this.book = book;
    }

    @KafkaListener(topics = Topics.ASSESSMENT)
    void on(ConsumerRecord<String, byte[]> record) {
        var event = IncomingEvent.from(record);
        if (event.is(Events.OBLIGATION_OPENED)) {
            book.scheduleDueSoon(event.payload(Events.OBLIGATION_OPENED));
        } else if (event.is(Events.OBLIGATION_FULFILLED)) {
            book.cancelFor(event.payload(Events.OBLIGATION_FULFILLED));
        }
    }
}
