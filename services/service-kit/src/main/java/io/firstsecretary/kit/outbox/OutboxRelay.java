package io.firstsecretary.kit.outbox;

import static io.firstsecretary.kit.outbox.Outbox.EVENTS;
import static io.firstsecretary.kit.outbox.Outbox.LAST_WRITE;
import static io.firstsecretary.kit.outbox.Outbox.PENDING_SINCE;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.firstsecretary.kit.events.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
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
 *
 * <p>It reads the documents this process just wrote by id ({@link OutboxWrites}) and searches
 * every collection for pending events on its first run, after a failure and every {@code
 * searchInterval}: what another process wrote or a crashed one left behind is published then. A
 * search of a store that must scan for them (no secondary index) grows with the collections and
 * blocks their writes meanwhile, so searches are also spaced to take at most a twentieth of the time.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxCollections collections;
    private final int batchSize;
    private final Duration sendTimeout;
    private final OutboxWrites writes;
    private final long searchIntervalNanos;
    /** A search is followed by at least this many times its own duration without one. */
    private static final int SEARCH_SPACING = 20;

    private final Set<String> acknowledgeable = ConcurrentHashMap.newKeySet();
    private long nextSearch = System.nanoTime();

    /** A relay that searches its collections on every run. */
    public OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            List<String> collections,
            int batchSize,
            Duration sendTimeout) {
        this(mongo, kafka, fixed(collections), batchSize, sendTimeout, new OutboxWrites(), Duration.ZERO);
    }

    public OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            OutboxCollections collections,
            int batchSize,
            Duration sendTimeout,
            OutboxWrites writes,
            Duration searchInterval) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = collections;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.writes = writes;
        this.searchIntervalNanos = searchInterval.toNanos();
    }

    /**
     * Relays everything pending now, across all collections in the order the changes were written,
     * so events sharing a key keep their order; returns the number of events published. The
     * events of a batch are sent together and acknowledged in their documents only once the
     * broker has acknowledged all of them.
     */
    public synchronized int relayPending() {
        long started = System.nanoTime();
        boolean search = writes.overflowed() || started - nextSearch >= 0;
        if (search) {
            writes.clear();
        }
        try {
            int published = 0;
            boolean more = true;
            while (more) {
                var pending = new ArrayList<PendingDocument>();
                if (search) {
                    collections.names().forEach(collection -> pending.addAll(pending(collection)));
                    more = pending.size() >= batchSize;
                } else {
                    var written = writes.drain(batchSize);
                    pending.addAll(pendingOf(written));
                    more = written.size() >= batchSize;
                }
                pending.sort(Comparator.comparingLong(PendingDocument::since));
                publishAll(pending);
                acknowledgeAll(pending);
                published += pending.stream().mapToInt(p -> p.events().size()).sum();
            }
            if (search && searchIntervalNanos > 0) {
                long took = System.nanoTime() - started;
                nextSearch = System.nanoTime() + Math.max(searchIntervalNanos, SEARCH_SPACING * took);
            }
            return published;
        } catch (RuntimeException e) {
            nextSearch = System.nanoTime();
            throw e;
        }
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
                .forEach(doc -> result.add(pendingOf(collection, doc)));
        return result;
    }

    /** The documents just written that still have pending events: one read by id per collection. */
    private List<PendingDocument> pendingOf(List<OutboxWrites.Written> written) {
        var pending = new ArrayList<PendingDocument>();
        written.stream()
                .collect(Collectors.groupingBy(
                        OutboxWrites.Written::collection,
                        LinkedHashMap::new,
                        Collectors.mapping(OutboxWrites.Written::id, Collectors.toList())))
                .forEach((collection, ids) -> mongo.getCollection(collection)
                        .find(ids.size() == 1 ? Filters.eq("_id", ids.get(0)) : Filters.in("_id", ids))
                        .forEach(doc -> {
                            if (doc.containsKey(PENDING_SINCE)) {
                                pending.add(pendingOf(collection, doc));
                            }
                        }));
        return pending;
    }

    private static PendingDocument pendingOf(String collection, Document doc) {
        return new PendingDocument(
                collection,
                doc.get("_id"),
                doc.get(PENDING_SINCE) instanceof Number since ? since.longValue() : 0L,
                doc.getList(EVENTS, Document.class, List.of()),
                doc.get(LAST_WRITE));
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
            header(record, CloudEventHeaders.CAUSED_BY, event.getString("causedBy"));
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

    /**
     * Removes the published events; the pending marker goes only if no write added events since the
     * relay read the document (found by a unique index on {@code _id} and the last write, which the
     * embedded store can use for the query).
     */
    public void acknowledge(PendingDocument pending) {
        acknowledgeAll(List.of(pending));
    }

    /** {@link #acknowledge} for many documents: one bulk write per collection. */
    private void acknowledgeAll(List<PendingDocument> documents) {
        documents.stream()
                .collect(Collectors.groupingBy(PendingDocument::collection, LinkedHashMap::new, Collectors.toList()))
                .forEach((name, pending) -> {
                    acknowledgeIndex(name);
                    var writes = new ArrayList<WriteModel<Document>>();
                    for (var p : pending) {
                        List<String> ids =
                                p.events().stream().map(e -> e.getString("id")).toList();
                        writes.add(new UpdateOneModel<>(
                                Filters.eq("_id", p.id()), Updates.pull(EVENTS, Filters.in("id", ids))));
                        writes.add(new UpdateOneModel<>(
                                // one plain document, not Filters.and's $and, which the embedded store matches by
                                // scanning
                                new Document("_id", p.id()).append(LAST_WRITE, p.lastWrite()),
                                Updates.combine(
                                        Updates.unset(EVENTS),
                                        Updates.unset(PENDING_SINCE),
                                        Updates.unset(LAST_WRITE))));
                    }
                    mongo.getCollection(name).bulkWrite(writes);
                });
    }

    /**
     * Creates the acknowledgement's index on every outbox collection now, before the service writes:
     * the embedded store cannot add an index to a collection while another thread inserts into it.
     */
    public void prepareIndexes() {
        collections.names().forEach(this::acknowledgeIndex);
    }

    private void acknowledgeIndex(String name) {
        if (acknowledgeable.add(name)) {
            mongo.getCollection(name)
                    .createIndex(
                            Indexes.ascending("_id", LAST_WRITE),
                            new IndexOptions().unique(true).name("_id_" + LAST_WRITE));
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One document's pending events as read by the relay. */
    public record PendingDocument(String collection, Object id, long since, List<Document> events, Object lastWrite) {}
}
