package io.firstsecretary.notification.policy;

import java.time.LocalTime;
import java.util.List;
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
        return stored == null ? ReminderPolicy.DEFAULT : stored.policy();
    }

    void save(String bureau, ReminderPolicy policy) {
        var quiet = policy.quietHours();
        mongo.save(
                new Stored(
                        bureau,
                        policy.dueSoonDays(),
                        policy.overdueDays(),
                        quiet == null ? null : quiet.from().toString(),
                        quiet == null ? null : quiet.to().toString()),
                POLICIES);
    }

    record Stored(@Id String bureau, List<Integer> dueSoonDays, int overdueDays, String quietFrom, String quietTo) {

        ReminderPolicy policy() {
            return new ReminderPolicy(
                    dueSoonDays,
                    overdueDays,
                    quietFrom == null
                            ? null
                            : new ReminderPolicy.QuietHours(LocalTime.parse(quietFrom), LocalTime.parse(quietTo)));
        }
    }
}
