package io.firstsecretary.activity.activity;

import io.firstsecretary.activity.directory.Directory;
import io.firstsecretary.contracts.EventJson;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.activity.ActivityLogged;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.web.NotFoundException;
import io.firstsecretary.kit.web.Paged;
import io.firstsecretary.kit.web.Registration;
import io.firstsecretary.kit.web.UnprocessableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Records activities after checking them against the directory replica. */
@Service
class ActivityLog {

    static final String COLLECTION = "activities";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Directory directory;
    private final Clock clock;

    ActivityLog(MongoTemplate mongo, Outbox outbox, Directory directory, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Logs an activity. With an idempotency key, the same key and body return the activity created
     * the first time (one record, one event); the same key with another body is rejected.
     */
    Registration<Activity> log(String bureau, String idempotencyKey, LogActivity request) {
        List<String> bureauPath =
                directory.bureauPath(bureau).orElseThrow(() -> new NotFoundException("No bureau " + bureau));
        String fingerprint = fingerprint(request);
        String id = idempotencyKey == null
                ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((bureau + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                        .toString();
        if (idempotencyKey != null) {
            var earlier = find(bureau, id);
            if (earlier != null) {
                return replay(earlier, fingerprint);
            }
        }
        validate(bureau, request);
        var activity = new Activity(
                id,
                bureau,
                bureauPath,
                request.type(),
                request.branch(),
                request.actor(),
                request.occurredOn(),
                request.title(),
                request.participants() == null ? List.of() : List.copyOf(request.participants()),
                request.notes(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                idempotencyKey,
                fingerprint);
        var event = outbox.event(
                Events.ACTIVITY_LOGGED,
                bureau + "/" + activity.branch(),
                "bureaus/" + bureau + "/activities/" + id,
                bureau,
                bureauPath,
                new ActivityLogged(
                        id,
                        bureau,
                        bureauPath,
                        activity.type().name(),
                        activity.branch(),
                        activity.actor(),
                        activity.occurredOn(),
                        activity.title(),
                        activity.participants(),
                        activity.notes(),
                        activity.loggedAt()));
        try {
            outbox.insert(COLLECTION, activity, List.of(event));
            return new Registration<>(activity, true);
        } catch (DuplicateKeyException raced) {
            return replay(find(bureau, id), fingerprint);
        }
    }

    Activity find(String bureau, String id) {
        return mongo.findOne(
                Query.query(Criteria.where("_id").is(id).and("bureau").is(bureau)), Activity.class, COLLECTION);
    }

    Paged<Activity> list(String bureau, ActivityFilter filter, int page, int size) {
        directory.bureauPath(bureau).orElseThrow(() -> new NotFoundException("No bureau " + bureau));
        Paged.validate(page, size);
        var criteria = Criteria.where("bureau").is(bureau);
        if (filter.branch() != null) {
            criteria = criteria.and("branch").is(filter.branch());
        }
        if (filter.type() != null) {
            criteria = criteria.and("type").is(filter.type().name());
        }
        if (filter.from() != null || filter.to() != null) {
            var occurred = criteria.and("occurredOn");
            if (filter.from() != null) {
                occurred = occurred.gte(filter.from());
            }
            if (filter.to() != null) {
                occurred = occurred.lte(filter.to());
            }
        }
        var query = Query.query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "occurredOn").and(Sort.by("_id")))
                .skip((long) page * size)
                .limit(size);
        return new Paged<>(
                mongo.find(query, Activity.class, COLLECTION),
                page,
                size,
                mongo.count(Query.query(criteria), COLLECTION));
    }

    private void validate(String bureau, LogActivity request) {
        if (request.occurredOn().isAfter(LocalDate.now(clock))) {
            throw new UnprocessableException("occurredOn", "An activity cannot be recorded before it happens");
        }
        if (!directory.branchExistedOn(bureau, request.branch(), request.occurredOn())) {
            throw new UnprocessableException(
                    "branch", "No branch " + request.branch() + " in bureau " + bureau + " on " + request.occurredOn());
        }
        requireMember(bureau, request.actor(), request.occurredOn(), "actor");
        List<String> participants = request.participants() == null ? List.of() : request.participants();
        for (int i = 0; i < participants.size(); i++) {
            requireMember(bureau, participants.get(i), request.occurredOn(), "participants[" + i + "]");
        }
    }

    private void requireMember(String bureau, String id, LocalDate day, String field) {
        var member = directory
                .member(bureau, id)
                .orElseThrow(() -> new UnprocessableException(field, "No member " + id + " in bureau " + bureau));
        if (!member.memberOn(day)) {
            throw new UnprocessableException(field, "Member " + id + " left on " + member.leftOn());
        }
    }

    private static Registration<Activity> replay(Activity earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new UnprocessableException(
                    "Idempotency-Key", "This Idempotency-Key was already used for a different request");
        }
        return new Registration<>(earlier, false);
    }

    private static String fingerprint(LogActivity request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(EventJson.write(request)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
