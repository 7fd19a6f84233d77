package io.firstsecretary.kit.store;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The indexes a service declares for its queries (one bean per feature that queries by more than
 * {@code _id}), created at start-up before listeners and the relay write: creating an index that
 * exists with the same keys is a no-op, so every start may do it.
 */
@FunctionalInterface
public interface StoreIndexes {

    Logger log = LoggerFactory.getLogger(StoreIndexes.class);

    List<StoreIndex> indexes();

    /** Creates {@code indexes}; a rebuild calls it for the collections of a fresh generation. */
    static void create(MongoTemplate mongo, Collection<StoreIndex> indexes) {
        for (var index : indexes) {
            mongo.getCollection(index.collection())
                    .createIndex(
                            Indexes.ascending(index.keys()),
                            new IndexOptions().name(index.name()).unique(index.unique()));
        }
        log.info("Store indexes in place: {}", indexes.size());
    }
}
