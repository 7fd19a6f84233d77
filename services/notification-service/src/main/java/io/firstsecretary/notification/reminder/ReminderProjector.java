package io.firstsecretary.notification.reminder;

import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.kit.events.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Schedules reminders for opened and overdue obligations and cancels them when an obligation is
 * fulfilled or waived.
 */
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
            book.cancelFor(event.payload(Events.OBLIGATION_FULFILLED).id(), "OBLIGATION_FULFILLED");
        } else if (event.is(Events.OBLIGATION_RESCHEDULED)) {
            book.moveDueSoon(event.payload(Events.OBLIGATION_RESCHEDULED));
        } else if (event.is(Events.OBLIGATION_REOPENED)) {
            book.reschedule(event.payload(Events.OBLIGATION_REOPENED));
        } else if (event.is(Events.OBLIGATION_OVERDUE)) {
            book.onOverdue(event.payload(Events.OBLIGATION_OVERDUE));
        } else if (event.is(Events.OBLIGATION_WAIVED)) {
            book.cancelFor(event.payload(Events.OBLIGATION_WAIVED).id(), "OBLIGATION_WAIVED");
        }
    }
}
