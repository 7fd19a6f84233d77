package io.firstsecretary.identity.bureau;

import io.firstsecretary.kit.security.BureauTree;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The bureau tree as the organisation topic tells it: each bureau with its path from the root. */
@Component
public class Bureaus implements BureauTree {

    static final String COLLECTION = "bureaus";

    private final MongoTemplate mongo;

    Bureaus(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void save(String code, List<String> path) {
        mongo.save(new Bureau(code, List.copyOf(path)), COLLECTION);
    }

    @Override
    public Optional<List<String>> pathOf(String bureau) {
        return Optional.ofNullable(mongo.findById(bureau, Bureau.class, COLLECTION))
                .map(Bureau::path);
    }

    record Bureau(@Id String code, List<String> path) {}
}
