package io.firstsecretary.notification.policy;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Each bureau's reminder policy; a bureau that has not set one has the default. */
@Repository
public class ReminderPolicies {

    static final String POLICIES = "reminder_policies";

    private final MongoTemplate mongo;

    ReminderPolicies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public ReminderPolicy of(String bureau) {
        var stored = mongo.findById(bureau, Stored.class, POLICIES);
        return stored == null ? ReminderPolicy.DEFAULT : stored.policy().toPolicy();
    }

    void save(String bureau, PolicyView policy) {
        mongo.save(new Stored(bureau, policy), POLICIES);
    }

    /** Stored as the API shows it, so times keep their {@code HH:mm} text. */
    record Stored(@Id String bureau, PolicyView policy) {}
}
