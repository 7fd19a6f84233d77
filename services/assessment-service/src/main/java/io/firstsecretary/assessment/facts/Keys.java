package io.firstsecretary.assessment.facts;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Read models keyed by the question: each document, found by its {@code _id} (a question such as
 * "the obligations of bureau rudong in 2026"), lists the ids of the documents that answer it, kept
 * by the projection as it inserts them. A read is then a lookup by key and one of a bounded set of
 * ids, never a search of a collection, on the embedded store as on MongoDB.
 *
 * <p>An id is listed before its document is written, so a crash in between lists an id with no
 * document yet (which a read skips), never a document no key finds.
 */
public final class Keys {

    static final String COMPLETE = "#complete";

    private final MongoTemplate mongo;
    private final Generation generation;
    private final String base;

    public Keys(MongoTemplate mongo, Generation generation, String base) {
        this.mongo = mongo;
        this.generation = generation;
        this.base = base;
    }

    private String collection() {
        return generation.of(base);
    }

    /** Lists {@code id} under each of {@code keys}. */
    public void add(Collection<String> keys, String id) {
        addAll(keys.stream().distinct().collect(Collectors.toMap(k -> k, k -> List.of(id))));
    }

    /** Lists the ids under their keys: one bulk write however many. */
    public void addAll(Map<String, ? extends Collection<String>> idsByKey) {
        var writes = new ArrayList<WriteModel<Document>>();
        idsByKey.forEach((key, ids) -> {
            if (!ids.isEmpty()) {
                writes.add(new UpdateOneModel<>(
                        Filters.eq("_id", key),
                        Updates.addEachToSet("ids", List.copyOf(ids)),
                        new UpdateOptions().upsert(true)));
            }
        });
        if (!writes.isEmpty()) {
            mongo.getCollection(collection()).bulkWrite(writes);
        }
    }

    /** Forgets every key starting with {@code prefix}: keys of a shape no longer read. */
    public void forget(String prefix) {
        mongo.getCollection(collection()).deleteMany(Filters.regex("_id", "^" + Pattern.quote(prefix)));
    }

    /** The ids listed under any of {@code keys}, each once, in the order listed. */
    public List<String> ids(Collection<String> keys) {
        var ids = new LinkedHashSet<String>();
        if (keys.isEmpty()) {
            return List.of();
        }
        mongo.getCollection(collection())
                .find(keys.size() == 1 ? Filters.eq("_id", keys.iterator().next()) : Filters.in("_id", keys))
                .forEach(d -> ids.addAll(d.getList("ids", String.class, List.of())));
        return List.copyOf(ids);
    }

    public List<String> ids(String key) {
        return ids(List.of(key));
    }

    /** Whether every document written before the keys existed has been listed (see {@link #markComplete}). */
    public boolean isComplete() {
        return mongo.getCollection(collection())
                        .find(Filters.eq("_id", COMPLETE))
                        .first()
                != null;
    }

    /** Notes that the keys list every document: a store from before they existed has been listed. */
    public void markComplete() {
        mongo.getCollection(collection())
                .updateOne(
                        Filters.eq("_id", COMPLETE), Updates.set("ids", List.of()), new UpdateOptions().upsert(true));
    }

    public void drop() {
        mongo.dropCollection(collection());
    }
}
