package io.firstsecretary.organisation.bureau;

import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.organisation.BureauRegistered;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.web.NotFoundException;
import io.firstsecretary.kit.web.Paged;
import io.firstsecretary.kit.web.Registration;
import io.firstsecretary.kit.web.UnprocessableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The bureau tree. */
@Service
public class BureauDirectory {

    static final String COLLECTION = "bureaus";

    private final MongoTemplate mongo;
    private final Outbox outbox;

    BureauDirectory(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** Registers a bureau; registering the same bureau again changes nothing. */
    Registration<Bureau> register(RegisterBureau request) {
        List<String> path = new ArrayList<>();
        if (request.parent() != null) {
            Bureau parent = find(request.parent())
                    .orElseThrow(() -> new UnprocessableException("parent", "No bureau " + request.parent()));
            path.addAll(parent.path());
        }
        path.add(request.code());
        var bureau = new Bureau(request.code(), request.name(), request.level(), request.parent(), List.copyOf(path));
        var event = outbox.event(
                Events.BUREAU_REGISTERED,
                bureau.code(),
                "bureaus/" + bureau.code(),
                bureau.code(),
                bureau.path(),
                new BureauRegistered(
                        bureau.code(), bureau.name(), bureau.level().name(), bureau.parent(), bureau.path()));
        return outbox.insertOnce(COLLECTION, bureau.code(), bureau, List.of(event), "code");
    }

    public Optional<Bureau> find(String code) {
        return Optional.ofNullable(mongo.findById(code, Bureau.class, COLLECTION));
    }

    /** The bureau named in a request path, or 404. */
    public Bureau require(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("No bureau " + code));
    }

    Paged<Bureau> list(int page, int size) {
        Paged.validate(page, size);
        var query = new Query().with(Sort.by("code")).skip((long) page * size).limit(size);
        return new Paged<>(
                mongo.find(query, Bureau.class, COLLECTION), page, size, mongo.count(new Query(), COLLECTION));
    }
}
