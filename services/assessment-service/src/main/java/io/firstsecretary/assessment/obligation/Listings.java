package io.firstsecretary.assessment.obligation;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.firstsecretary.assessment.facts.Generation;
import io.firstsecretary.assessment.period.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Each bureau's year of obligations as one document, found by its {@code _id}: a {@link Listing}
 * per standing obligation, under the obligation's id, set as the obligation is written. Under its
 * id, an obligation is listed once whatever the order writes arrive in; a retired one is taken off.
 */
final class Listings {

    static final String LISTINGS = "obligationListings";
    private static final String COMPLETE = "#complete";
    private static final String LISTED = "listed";

    private final MongoTemplate mongo;
    private final Generation generation;

    Listings(MongoTemplate mongo, Generation generation) {
        this.mongo = mongo;
        this.generation = generation;
    }

    private String collection() {
        return generation.of(LISTINGS);
    }

    /** Lists the obligation as it now stands, or takes it off if retired. */
    void put(Obligation o) {
        putAll(List.of(o));
    }

    /** Lists the obligations as they now stand: one bulk write, one update per bureau and year. */
    void putAll(Collection<Obligation> obligations) {
        var byYear = obligations.stream()
                .collect(Collectors.groupingBy(Listings::keyOf, LinkedHashMap::new, Collectors.toList()));
        var writes = new ArrayList<WriteModel<Document>>();
        byYear.forEach((key, ofYear) -> {
            var updates = new ArrayList<Bson>();
            for (Obligation o : ofYear) {
                updates.add(
                        o.isRetired()
                                ? Updates.unset(LISTED + "." + o.id())
                                : Updates.set(
                                        LISTED + "." + o.id(), Listing.of(o).entry()));
            }
            writes.add(new UpdateOneModel<>(
                    Filters.eq("_id", key), Updates.combine(updates), new UpdateOptions().upsert(true)));
        });
        if (!writes.isEmpty()) {
            mongo.getCollection(collection()).bulkWrite(writes);
        }
    }

    /** What the bureau's {@code years} list, in due-day order. */
    List<Listing> of(String bureau, Collection<Integer> years) {
        var byKey = byKey(years.stream().map(y -> keyOf(bureau, y)).toList());
        return byKey.values().stream().flatMap(List::stream).toList();
    }

    /** What the {@code year} of each of the bureaus lists, by bureau, each in due-day order: one read. */
    Map<String, List<Listing>> byBureau(Collection<String> bureaus, int year) {
        var byKey = byKey(bureaus.stream().map(b -> keyOf(b, year)).toList());
        var byBureau = new LinkedHashMap<String, List<Listing>>();
        bureaus.forEach(b -> byBureau.put(b, byKey.get(keyOf(b, year))));
        return byBureau;
    }

    /** The listings under each of {@code keys}, in the keys' order, each in due-day order. */
    private Map<String, List<Listing>> byKey(List<String> keys) {
        var found = new HashMap<String, List<Listing>>();
        if (!keys.isEmpty()) {
            mongo.getCollection(collection())
                    .find(keys.size() == 1 ? Filters.eq("_id", keys.get(0)) : Filters.in("_id", keys))
                    .forEach(d -> {
                        var listed = d.get(LISTED, Document.class);
                        found.put(
                                d.getString("_id"),
                                listed == null
                                        ? List.of()
                                        : listed.values().stream()
                                                .map(String.class::cast)
                                                .sorted()
                                                .map(Listing::parse)
                                                .toList());
                    });
        }
        var byKey = new LinkedHashMap<String, List<Listing>>();
        keys.forEach(k -> byKey.put(k, found.getOrDefault(k, List.of())));
        return byKey;
    }

    /** Whether every obligation written before the listings existed has been listed. */
    boolean isComplete() {
        return mongo.getCollection(collection())
                        .find(Filters.eq("_id", COMPLETE))
                        .first()
                != null;
    }

    void markComplete() {
        mongo.getCollection(collection())
                .updateOne(
                        Filters.eq("_id", COMPLETE),
                        Updates.set(LISTED, new Document()),
                        new UpdateOptions().upsert(true));
    }

    void drop() {
        mongo.dropCollection(collection());
    }

    private static String keyOf(Obligation o) {
        return keyOf(o.bureau(), Period.parse(o.period()).year());
    }

    private static String keyOf(String bureau, int year) {
        return bureau + "|" + year;
    }
}
