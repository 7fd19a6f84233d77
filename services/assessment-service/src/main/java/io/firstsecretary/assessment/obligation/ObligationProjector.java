package io.firstsecretary.assessment.obligation;

import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.kit.events.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the {@link ObligationBook} from first-secretary assignments and logged activities. */
@Component
class ObligationProjector {

    private final ObligationBook book;

    ObligationProjector(ObligationBook book) {
        this.book = book;
    }

    @KafkaListener(topics = Topics.ORGANISATION)
    void onOrganisation(ConsumerRecord<String, byte[]> record) {
        var event = IncomingEvent.from(record);
        if (event.is(Events.FIRST_SECRETARY_ASSIGNED)) {
            book.open(event.payload(Events.FIRST_SECRETARY_ASSIGNED));
        } else if (event.is(Events.FIRST_SECRETARY_RELIEVED)) {
            book.relieve(event.payload(Events.FIRST_SECRETARY_RELIEVED));
        }
    }

    @KafkaListener(topics = Topics.ACTIVITY)
    void onActivity(ConsumerRecord<String, byte[]> record) {
        var event = IncomingEvent.from(record);
        if (event.is(Events.ACTIVITY_LOGGED)) {
            book.record(event.payload(Events.ACTIVITY_LOGGED));
        } else if (event.is(Events.ACTIVITY_CORRECTED)) {
            book.correct(event.payload(Events.ACTIVITY_CORRECTED));
        } else if (event.is(Events.ACTIVITY_VOIDED)) {
            book.voided(event.payload(Events.ACTIVITY_VOIDED));
        }
    }
}
