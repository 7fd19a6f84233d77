package io.firstsecretary.organisation.bureau;

import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.organisation.BureauChanged;
import io.firstsecretary.contracts.organisation.BureauRegistered;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.security.BureauTree;
import io.firstsecretary.kit.web.NotFoundException;
import io.firstsecretary.kit.web.Paged;
import io.firstsecretary.kit.web.Registration;
import io.firstsecretary.kit.web.UnprocessableException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The bureau tree, of any depth. */
@Service
public class BureauDirectory implements BureauTree {

    static final String COLLECTION = "bureaus";

    private final MongoTemplate mongo;
    private final Outbox outbox;

    BureauDirectory(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** Registers a bureau; registering the same bureau again changes nothing. */
    public Registration<Bureau> register(RegisterBureau request) {
        var bureau = new Bureau(
                request.code(),
                request.name(),
                request.level(),
                request.parent(),
                pathUnder(request.parent(), request.code()));
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

    /**
     * Renames a bureau, changes its level or moves it under another parent. A move that would make
     * the bureau its own ancestor is refused; a move rewrites the path of every descendant.
     */
    public Registration<Bureau> change(String code, ChangeBureau request) {
        Bureau current = require(code);
        if (request.parent() != null) {
            Bureau parent = find(request.parent())
                    .orElseThrow(() -> new UnprocessableException("parent", "No bureau " + request.parent()));
            if (parent.path().contains(code)) {
                throw new UnprocessableException(
                        "parent",
                        "Bureau " + request.parent() + " lies under " + code + ": the tree would have a cycle");
            }
        }
        var changed =
                new Bureau(code, request.name(), request.level(), request.parent(), pathUnder(request.parent(), code));
        if (changed.equals(current)) {
            return new Registration<>(current, false);
        }
        save(changed);
        if (!changed.path().equals(current.path())) {
            descendantsOf(current).stream()
                    .sorted(Comparator.comparingInt(b -> b.path().size()))
                    .forEach(d -> {
                        Bureau parent = require(d.parent());
                        save(new Bureau(d.code(), d.name(), d.level(), d.parent(), append(parent.path(), d.code())));
                    });
        }
        return new Registration<>(changed, true);
    }

    @Override
    public Optional<List<String>> pathOf(String code) {
        return find(code).map(Bureau::path);
    }

    public Optional<Bureau> find(String code) {
        return Optional.ofNullable(mongo.findById(code, Bureau.class, COLLECTION));
    }

    /** The bureau named in a request path, or 404. */
    public Bureau require(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("No bureau " + code));
    }

    /** The codes of a bureau and every bureau below it. */
    public List<String> subtreeOf(String code) {
        return mongo.find(Query.query(Criteria.where("path").is(code)), Bureau.class, COLLECTION).stream()
                .map(Bureau::code)
                .toList();
    }

    /** Every bureau, or {@code under} one and those below it, or with {@code alone} that one only. */
    Paged<Bureau> list(String under, boolean alone, int page, int size) {
        Paged.validate(page, size);
        var filter = under == null
                ? new Query()
                : Query.query(
                        alone
                                ? Criteria.where("_id").is(under)
                                : Criteria.where("path").is(under));
        var query =
                Query.of(filter).with(Sort.by("code")).skip((long) page * size).limit(size);
        return new Paged<>(mongo.find(query, Bureau.class, COLLECTION), page, size, mongo.count(filter, COLLECTION));
    }

    private List<Bureau> descendantsOf(Bureau bureau) {
        return mongo.find(Query.query(Criteria.where("path").is(bureau.code())), Bureau.class, COLLECTION).stream()
                .filter(b -> !b.code().equals(bureau.code()))
                .toList();
    }

    private void save(Bureau bureau) {
        var event = outbox.event(
                Events.BUREAU_CHANGED,
                bureau.code(),
                "bureaus/" + bureau.code(),
                bureau.code(),
                bureau.path(),
                new BureauChanged(bureau.code(), bureau.name(), bureau.level().name(), bureau.parent(), bureau.path()));
        outbox.update(
                COLLECTION,
                Query.query(Criteria.where("_id").is(bureau.code())),
                new Update()
                        .set("name", bureau.name())
                        .set("level", bureau.level().name())
                        .set("parent", bureau.parent())
                        .set("path", bureau.path()),
                List.of(event));
    }

    private List<String> pathUnder(String parentCode, String code) {
        if (parentCode == null) {
            return List.of(code);
        }
        Bureau parent =
                find(parentCode).orElseThrow(() -> new UnprocessableException("parent", "No bureau " + parentCode));
        return append(parent.path(), code);
    }

    private static List<String> append(List<String> path, String code) {
        var result = new ArrayList<>(path);
        result.add(code);
        return List.copyOf(result);
    }
}
