package io.firstsecretary.assessment.obligation;

import io.firstsecretary.assessment.facts.Change;
import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.facts.FactsProjector;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.kit.events.IncomingEvent;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link Facts} from the organisation and activity topics and recomputes the obligations
 * each fact can touch. Records come in batches (at most {@code spring.kafka.consumer.max-poll-records},
 * whatever one poll brings): the batch's facts are stored in bulk and each branch or assignment it
 * touches is recomputed once, after all of them.
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

    @KafkaListener(id = ORGANISATION_LISTENER, idIsGroup = false, topics = Topics.ORGANISATION, batch = "true")
    void onOrganisation(List<ConsumerRecord<String, byte[]>> records) {
        project(records);
    }

    @KafkaListener(id = ACTIVITY_LISTENER, idIsGroup = false, topics = Topics.ACTIVITY, batch = "true")
    void onActivity(List<ConsumerRecord<String, byte[]>> records) {
        project(records);
    }

    /**
     * Projects the batch at once; if that fails, projects it again record by record (every write is
     * idempotent) to find the record at fault, which the error handler retries and then dead-letters
     * alone, after the records before it are committed and before the ones after it are redelivered.
     */
    private void project(List<ConsumerRecord<String, byte[]>> records) {
        try {
            recompute(facts.applyAll(
                    records.stream().map(ObligationProjector::positioned).toList()));
        } catch (RuntimeException batchFailed) {
            for (int i = 0; i < records.size(); i++) {
                try {
                    recompute(facts.applyAll(List.of(positioned(records.get(i)))));
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException(e.getMessage(), e, i);
                }
            }
        }
    }

    private void recompute(List<Change> changes) {
        book.recomputeAll(Change.merged(changes));
    }

    private static FactsProjector.Positioned positioned(ConsumerRecord<String, byte[]> record) {
        return new FactsProjector.Positioned(IncomingEvent.from(record), record.offset());
    }
}
