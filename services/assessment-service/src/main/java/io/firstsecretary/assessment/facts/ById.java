package io.firstsecretary.assessment.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Documents found by their ids, {@value #CHUNK} ids to a query. The embedded store finds each id
 * by its key but then checks every document found against the whole list, so one query for
 * {@code n} ids costs it {@code n²} comparisons; in chunks the cost grows with {@code n}, and on
 * MongoDB a read of up to {@value #CHUNK} documents is still one command.
 */
public final class ById {

    static final int CHUNK = 200;

    private ById() {}

    public static <T> List<T> find(MongoTemplate mongo, Collection<String> ids, Class<T> type, String collection) {
        var distinct = List.copyOf(new LinkedHashSet<>(ids));
        var found = new ArrayList<T>(distinct.size());
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            var chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            found.addAll(mongo.find(Query.query(Criteria.where("_id").in(chunk)), type, collection));
        }
        return found;
    }
}
