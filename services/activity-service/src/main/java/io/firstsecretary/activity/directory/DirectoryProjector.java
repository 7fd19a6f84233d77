package io.firstsecretary.activity.directory;

import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.contracts.organisation.BranchEstablished;
import io.firstsecretary.contracts.organisation.BureauRegistered;
import io.firstsecretary.contracts.organisation.MemberRegistered;
import io.firstsecretary.kit.events.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link Directory} replica from organisation events. Each event carries the full state
 * of what it describes and is applied as an upsert, so a redelivered event changes nothing.
 */
@Component
class DirectoryProjector {

    private final MongoTemplate mongo;

    DirectoryProjector(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(topics = Topics.ORGANISATION)
    void on(ConsumerRecord<String, byte[]> record) {
        var event = IncomingEvent.from(record);
        if (event.is(Events.BUREAU_REGISTERED)) {
            apply(event.payload(Events.BUREAU_REGISTERED));
        } else if (event.is(Events.BRANCH_ESTABLISHED)) {
            apply(event.payload(Events.BRANCH_ESTABLISHED));
        } else if (event.is(Events.MEMBER_REGISTERED)) {
            apply(event.payload(Events.MEMBER_REGISTERED));
        }
    }

    void apply(BureauRegistered bureau) {
        upsert(
                Directory.BUREAUS,
                bureau.code(),
                new Update().set("name", bureau.name()).set("path", bureau.path()));
    }

    void apply(BranchEstablished branch) {
        upsert(
                Directory.BRANCHES,
                branch.bureau() + "/" + branch.code(),
                new Update()
                        .set("bureau", branch.bureau())
                        .set("code", branch.code())
                        .set("name", branch.name()));
    }

    void apply(MemberRegistered member) {
        upsert(
                Directory.MEMBERS,
                member.id(),
                new Update()
                        .set("bureau", member.bureau())
                        .set("name", member.name())
                        .set("branch", member.branch())
                        .set("roles", member.roles()));
    }

    private void upsert(String collection, String id, Update update) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, collection);
    }
}
