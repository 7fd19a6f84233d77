package io.firstsecretary.kit.outbox;

import static io.firstsecretary.kit.outbox.Outbox.EVENTS;
import static io.firstsecretary.kit.outbox.Outbox.PENDING_SINCE;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.firstsecretary.kit.events.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes pending outbox events to Kafka and only then removes them from their document. A relay
 * that dies in between publishes the same events again on its next run: delivery is at least once,
 * with stable {@code ce_id}s that let consumers count each event once.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxCollections collections;
    private final int batchSize;
    private final Duration sendTimeout;

    public OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            List<String> collections,
            int batchSize,
            Duration sendTimeout) {
        this(mongo, kafka, fixed(collections), batchSize, sendTimeout);
    }

    public OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            OutboxCollections collections,
            int batchSize,
            Duration sendTimeout) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = collections;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
    }

    /**
     * Relays everything pending now, across all collections in the order the changes were written,
     * so events sharing a key keep their order; returns the number of events published. The
     * events of a batch are sent together and acknowledged in their documents only once the
     * broker has acknowledged all of them.
     */
    public int relayPending() {
        int published = 0;
        boolean more = true;
        while (more) {
            var pending = new ArrayList<PendingDocument>();
            collections.names().forEach(collection -> pending.addAll(pending(collection)));
            pending.sort(Comparator.comparingLong(PendingDocument::since));
            publishAll(pending);
            pending.forEach(this::acknowledge);
            published += pending.stream().mapToInt(p -> p.events().size()).sum();
            more = pending.size() >= batchSize;
        }
        return published;
    }

    private static OutboxCollections fixed(List<String> collections) {
        var names = List.copyOf(collections);
        return () -> names;
    }

    /** Scheduled entry point; failures are logged and retried on the next tick. */
    public void relayQuietly() {
        try {
            relayPending();
        } catch (RuntimeException e) {
            log.warn("Outbox relay failed, retrying: {}", e.toString());
        }
    }

    /** Documents with pending events, oldest change first. */
    public List<PendingDocument> pending(String collection) {
        var result = new ArrayList<PendingDocument>();
        mongo.getCollection(collection)
                .find(Filters.exists(PENDING_SINCE))
                .sort(Sorts.ascending(PENDING_SINCE))
                .limit(batchSize)
                .forEach(doc -> result.add(new PendingDocument(
                        collection,
                        doc.get("_id"),
                        doc.get(PENDING_SINCE) instanceof Number since ? since.longValue() : 0L,
                        doc.getList(EVENTS, Document.class, List.of()))));
        return result;
    }

    /** Sends the document's events in order and waits for the broker to acknowledge them. */
    public void publish(PendingDocument pending) {
        publishAll(List.of(pending));
    }

    private void publishAll(List<PendingDocument> documents) {
        var sends = new ArrayList<CompletableFuture<?>>();
        for (Document event :
                documents.stream().flatMap(d -> d.events().stream()).toList()) {
            var record = new ProducerRecord<String, byte[]>(
                    event.getString("topic"),
                    null,
                    event.getString("key"),
                    event.getString("data").getBytes(StandardCharsets.UTF_8));
            header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
            header(record, CloudEventHeaders.ID, event.getString("id"));
            header(record, CloudEventHeaders.SOURCE, event.getString("source"));
            header(record, CloudEventHeaders.TYPE, event.getString("type"));
            header(
                    record,
                    CloudEventHeaders.TIME,
                    event.getDate("time").toInstant().toString());
            header(record, CloudEventHeaders.SUBJECT, event.getString("subject"));
            header(record, CloudEventHeaders.BUREAU, event.getString("bureau"));
            header(record, CloudEventHeaders.BUREAU_PATH, event.getString("bureauPath"));
            header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
            sends.add(kafka.send(record));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while relaying", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not relay events", e);
        }
    }

    /** Removes the published events; the pending marker goes only if nothing new arrived meanwhile. */
    public void acknowledge(PendingDocument pending) {
        var collection = mongo.getCollection(pending.collection());
        List<String> ids = pending.events().stream().map(e -> e.getString("id")).toList();
        collection.updateOne(Filters.eq("_id", pending.id()), Updates.pull(EVENTS, Filters.in("id", ids)));
        collection.updateOne(
                Filters.and(Filters.eq("_id", pending.id()), Filters.size(EVENTS, 0)),
                Updates.combine(Updates.unset(EVENTS), Updates.unset(PENDING_SINCE)));
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One document's pending events as read by the relay. */
    public record PendingDocument(String collection, Object id, long since, List<Document> events) {}
}
