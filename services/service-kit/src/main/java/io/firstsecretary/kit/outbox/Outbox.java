package io.firstsecretary.kit.outbox;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.result.UpdateResult;
import io.firstsecretary.contracts.EventJson;
import io.firstsecretary.contracts.EventType;
import io.firstsecretary.kit.security.Caller;
import io.firstsecretary.kit.security.Callers;
import io.firstsecretary.kit.web.ConflictException;
import io.firstsecretary.kit.web.Registration;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes a state change and the events announcing it in one document, so the two cannot diverge
 * (the Mongo-compatible store has no multi-document transactions). The {@link OutboxRelay}
 * publishes the pending events afterwards.
 */
public final class Outbox {

    static final String EVENTS = "outbox";
    public static final String PENDING_SINCE = "outboxSince";
    /** The sequence of the latest write that added events: the relay acknowledges only what it read. */
    static final String LAST_WRITE = "outboxLast";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String source;
    private final OutboxWrites writes;
    private final AtomicLong lastSequence = new AtomicLong();
    private final Set<String> guarded = ConcurrentHashMap.newKeySet();

    public Outbox(MongoTemplate mongo, Clock clock, String source) {
        this(mongo, clock, source, new OutboxWrites());
    }

    /** An outbox that tells {@code writes} (and through it the relay) which documents it gave events. */
    public Outbox(MongoTemplate mongo, Clock clock, String source, OutboxWrites writes) {
        this.mongo = mongo;
        this.clock = clock;
        this.source = source;
        this.writes = writes;
    }

    /** A new event of {@code type}, keyed on the topic by {@code key}. */
    public <T> OutboxEvent event(
            EventType<T> type, String key, String subject, String bureau, List<String> bureauPath, T payload) {
        return new OutboxEvent(
                UUID.randomUUID().toString(),
                type.type(),
                type.topic(),
                key,
                source,
                subject,
                bureau,
                String.join("/", bureauPath),
                clock.instant(),
                Callers.find().map(Caller::actor).orElse(source),
                new String(EventJson.write(payload), StandardCharsets.UTF_8));
    }

    /** Inserts {@code entity} with its events; a duplicate key fails the whole write. */
    public void insert(String collection, Object entity, List<OutboxEvent> events) {
        var document = new Document();
        mongo.getConverter().write(entity, document);
        document.remove("_class");
        long sequence = nextSequence();
        if (!events.isEmpty()) {
            document.put(EVENTS, toDocuments(events));
            document.put(PENDING_SINCE, sequence);
            document.put(LAST_WRITE, sequence);
        }
        mongo.insert(document, collection);
        if (!events.isEmpty()) {
            writes.add(collection, document.get("_id"), sequence);
        }
    }

    /**
     * Inserts {@code entity} under {@code id} with its events unless it is already there: the same
     * details again change nothing and publish nothing; other details are a conflict on {@code
     * field}.
     */
    @SuppressWarnings("unchecked")
    public <T> Registration<T> insertOnce(
            String collection, Object id, T entity, List<OutboxEvent> events, String field) {
        if (insertIfAbsent(collection, id, entity, events)) {
            return new Registration<>(entity, true);
        }
        T existing = mongo.findById(id, (Class<T>) entity.getClass(), collection);
        if (!entity.equals(existing)) {
            throw new ConflictException(field, id + " already exists with other details");
        }
        return new Registration<>(existing, false);
    }

    /** Inserts {@code entity} with its events unless a document with {@code id} exists; true if inserted. */
    public boolean insertIfAbsent(String collection, Object id, Object entity, List<OutboxEvent> events) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(id)), collection)) {
            return false;
        }
        try {
            insert(collection, entity, events);
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /**
     * Inserts {@code entity} under {@code id}, or replaces the document already there with it (fields
     * the entity lacks are removed), with its events; events still pending on the document are kept.
     */
    public void save(String collection, Object id, Object entity, List<OutboxEvent> events) {
        if (insertIfAbsent(collection, id, entity, events)) {
            return;
        }
        var document = new Document();
        mongo.getConverter().write(entity, document);
        document.remove("_id");
        document.remove("_class");
        var update = new Update();
        document.forEach(update::set);
        var stored = mongo.findById(id, Document.class, collection);
        if (stored != null) {
            stored.keySet().stream()
                    .filter(key -> !document.containsKey(key))
                    .filter(key -> !List.of("_id", "_class", EVENTS, PENDING_SINCE, LAST_WRITE)
                            .contains(key))
                    .forEach(update::unset);
        }
        update(collection, Query.query(Criteria.where("_id").is(id)), update, events);
    }

    /** Whether any document of {@code collection} has events waiting for the relay. */
    public boolean hasPending(String collection) {
        return mongo.exists(Query.query(Criteria.where(PENDING_SINCE).exists(true)), collection);
    }

    /** Applies {@code update} to the first document matching {@code query} and appends the events to it. */
    public UpdateResult update(String collection, Query query, Update update, List<OutboxEvent> events) {
        long sequence = nextSequence();
        if (!events.isEmpty()) {
            update.push(EVENTS).each(toDocuments(events).toArray());
            update.min(PENDING_SINCE, sequence);
            update.set(LAST_WRITE, sequence);
        }
        var result = mongo.updateFirst(query, update, collection);
        Object id = query.getQueryObject().get("_id");
        if (!events.isEmpty() && result.getModifiedCount() > 0 && id != null && !(id instanceof Document)) {
            writes.add(collection, id, sequence);
        }
        return result;
    }

    /**
     * The document {@code id} of {@code collection} only while {@code field} still holds {@code
     * value}: the query of a write that expects what it read. A unique index on {@code _id} and
     * {@code field} lets the store find it by key (the embedded store uses an index only for a query
     * on exactly its fields).
     */
    public Query expecting(String collection, Object id, String field, Object value) {
        if (guarded.add(collection + "|" + field)) {
            mongo.getCollection(collection)
                    .createIndex(
                            Indexes.ascending("_id", field),
                            new IndexOptions().unique(true).name("_id_" + field));
        }
        return Query.query(Criteria.where("_id").is(id).and(field).is(value));
    }

    /**
     * Orders pending changes across documents and collections: microseconds since the epoch, made
     * strictly increasing within this process so that writes of the same instant keep their order.
     */
    private long nextSequence() {
        var now = clock.instant();
        long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        return lastSequence.updateAndGet(previous -> Math.max(previous + 1, micros));
    }

    private List<Document> toDocuments(List<OutboxEvent> events) {
        var documents = new ArrayList<Document>();
        for (OutboxEvent e : events) {
            documents.add(new Document("id", e.id())
                    .append("type", e.type())
                    .append("topic", e.topic())
                    .append("key", e.key())
                    .append("source", e.source())
                    .append("subject", e.subject())
                    .append("bureau", e.bureau())
                    .append("bureauPath", e.bureauPath())
                    .append("time", Date.from(e.time()))
                    .append("causedBy", e.causedBy())
                    .append("data", e.data()));
        }
        return documents;
    }
}
