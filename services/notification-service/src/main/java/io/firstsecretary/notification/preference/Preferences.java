package io.firstsecretary.notification.preference;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Each member's notification preferences; a member who has set none has the default. */
@Repository
public class Preferences {

    static final String PREFERENCES = "preferences";

    private final MongoTemplate mongo;

    Preferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Preference of(String bureau, String member) {
        var stored = mongo.findById(bureau + "/" + member, Stored.class, PREFERENCES);
        return stored == null ? Preference.DEFAULT : stored.preference();
    }

    void save(String bureau, String member, Preference preference) {
        mongo.save(new Stored(bureau + "/" + member, preference), PREFERENCES);
    }

    record Stored(@Id String key, Preference preference) {}
}
