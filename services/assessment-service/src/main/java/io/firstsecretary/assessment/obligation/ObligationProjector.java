package io.firstsecretary.assessment.obligation;

import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.facts.FactsProjector;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.kit.events.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link Facts} from the organisation and activity topics and recomputes the obligations
 * each fact can touch.
 */
@Component
class ObligationProjector {

    static final String ORGANISATION_LISTENER = "assessment-organisation";
    static final String ACTIVITY_LISTENER = "assessment-activity";

    private final FactsProjector facts;
    private final ObligationBook book;

    ObligationProjector(Facts facts, ObligationBook book) {
        this.facts = new FactsProjector(facts);
        this.book = book;
    }

    @KafkaListener(id = ORGANISATION_LISTENER, idIsGroup = false, topics = Topics.ORGANISATION)
    void onOrganisation(ConsumerRecord<String, byte[]> record) {
        apply(record);
    }

    @KafkaListener(id = ACTIVITY_LISTENER, idIsGroup = false, topics = Topics.ACTIVITY)
    void onActivity(ConsumerRecord<String, byte[]> record) {
        apply(record);
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        facts.apply(IncomingEvent.from(record), record.offset()).forEach(book::recompute);
    }
}
