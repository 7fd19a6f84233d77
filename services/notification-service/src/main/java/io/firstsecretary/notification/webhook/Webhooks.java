package io.firstsecretary.notification.webhook;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The webhook endpoints, and how each has been answering. */
@Repository
class Webhooks {

    static final String WEBHOOKS = "webhooks";

    private final MongoTemplate mongo;

    Webhooks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void add(WebhookEndpoint endpoint) {
        mongo.insert(endpoint, WEBHOOKS);
    }

    WebhookEndpoint find(String id) {
        return mongo.findById(id, WebhookEndpoint.class, WEBHOOKS);
    }

    List<WebhookEndpoint> of(String bureau, int page, int size) {
        return mongo.find(
                Query.query(Criteria.where("bureau").is(bureau))
                        .with(Sort.by("createdAt", "_id"))
                        .skip((long) page * size)
                        .limit(size),
                WebhookEndpoint.class,
                WEBHOOKS);
    }

    long count(String bureau) {
        return mongo.count(Query.query(Criteria.where("bureau").is(bureau)), WEBHOOKS);
    }

    boolean remove(String bureau, String id) {
        return mongo.remove(
                                Query.query(Criteria.where("_id")
                                        .is(id)
                                        .and("bureau")
                                        .is(bureau)),
                                WEBHOOKS)
                        .getDeletedCount()
                > 0;
    }

    /** Enabled endpoints of any of {@code bureaus} that want {@code stage}. */
    List<WebhookEndpoint> subscribedTo(List<String> bureaus, String stage) {
        return mongo
                .find(
                        Query.query(Criteria.where("bureau")
                                .in(bureaus)
                                .and("enabled")
                                .is(true)),
                        WebhookEndpoint.class,
                        WEBHOOKS)
                .stream()
                .filter(e -> e.wants(stage))
                .toList();
    }

    void succeeded(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("failures", 0), WEBHOOKS);
    }

    /** Counts a failed attempt and disables the endpoint once {@code limit} have failed in a row. */
    void failed(String id, int limit) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().inc("failures", 1), WEBHOOKS);
        mongo.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(id)
                        .and("enabled")
                        .is(true)
                        .and("failures")
                        .gte(limit)),
                new Update().set("enabled", false).set("disabledReason", limit + " failed attempts in a row"),
                WEBHOOKS);
    }

    void disable(String id, String reason) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id)),
                new Update().set("enabled", false).set("disabledReason", reason),
                WEBHOOKS);
    }
}
