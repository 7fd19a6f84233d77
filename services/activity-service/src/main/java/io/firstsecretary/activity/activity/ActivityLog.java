package io.firstsecretary.activity.activity;

import io.firstsecretary.activity.attachment.Attachments;
import io.firstsecretary.activity.directory.Directory;
import io.firstsecretary.activity.directory.DirectoryBranch;
import io.firstsecretary.contracts.EventJson;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.contracts.activity.ActivityCorrected;
import io.firstsecretary.contracts.activity.ActivityLogged;
import io.firstsecretary.contracts.activity.ActivityLogged.Attachment;
import io.firstsecretary.contracts.activity.ActivityVoided;
import io.firstsecretary.kit.consumer.ReplicaCatchUp;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.web.ConflictException;
import io.firstsecretary.kit.web.FieldError;
import io.firstsecretary.kit.web.NotFoundException;
import io.firstsecretary.kit.web.Paged;
import io.firstsecretary.kit.web.Registration;
import io.firstsecretary.kit.web.UnprocessableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Records activities after checking them against the directory replica. */
@Service
class ActivityLog {

    static final String COLLECTION = "activities";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Directory directory;
    private final Clock clock;
    private final Attachments attachments;
    private final ReplicaCatchUp replica;

    ActivityLog(
            MongoTemplate mongo,
            Outbox outbox,
            Directory directory,
            Clock clock,
            Attachments attachments,
            ReplicaCatchUp replica) {
        this.mongo = mongo;
        this.replica = replica;
        this.outbox = outbox;
        this.directory = directory;
        this.clock = clock;
        this.attachments = attachments;
    }

    /**
     * Logs an activity. With an idempotency key, the same key and body return the activity created
     * the first time (one record, one event); the same key with another body is rejected.
     */
    Registration<Activity> log(String bureau, String idempotencyKey, LogActivity request) {
        var branch = directory.branch(bureau, request.branch());
        List<String> bureauPath =
                branch.map(DirectoryBranch::bureauPath).filter(Objects::nonNull).orElseGet(() -> bureauPath(bureau));
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
        LocalDate today = LocalDate.now(clock);
        var errors = check(bureau, request, today, branch);
        if (!errors.isEmpty()) {
            throw new UnprocessableException(errors);
        }
        var activity = recordOf(
                id,
                bureau,
                bureauPath,
                request,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                request.recordedBy(),
                request.occurredOn().getYear() < today.getYear(),
                0,
                List.of(),
                idempotencyKey,
                fingerprint);
        var logged = logged(activity);
        activity = withHistory(
                activity,
                List.of(new ActivityRevision(
                        0, ActivityRevision.Kind.LOGGED, activity.loggedAt(), null, List.of(), logged)));
        var event = outbox.event(
                Events.ACTIVITY_LOGGED,
                bureau + "/" + activity.branch(),
                "bureaus/" + bureau + "/activities/" + id,
                bureau,
                bureauPath,
                logged);
        try {
            outbox.insert(COLLECTION, activity, List.of(event));
            return new Registration<>(activity, true);
        } catch (DuplicateKeyException raced) {
            return replay(find(bureau, id), fingerprint);
        }
    }

    /** Voids a record: it stays readable with its reason and is evidence of nothing any more. */
    Activity voidActivity(String bureau, String id, VoidActivity request) {
        Activity current = require(bureau, id);
        if (current.status() == ActivityStatus.VOIDED) {
            throw new ConflictException("id", "Activity " + id + " was already voided: " + current.voidReason());
        }
        var at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var event = outbox.event(
                Events.ACTIVITY_VOIDED,
                bureau + "/" + current.branch(),
                "bureaus/" + bureau + "/activities/" + id,
                bureau,
                current.bureauPath(),
                new ActivityVoided(
                        id, bureau, current.bureauPath(), current.branch(), request.reason(), request.by(), at));
        var revision = new ActivityRevision(
                current.revision() + 1,
                ActivityRevision.Kind.VOIDED,
                at,
                request.reason(),
                List.of("status"),
                logged(current));
        var written = outbox.update(
                COLLECTION,
                outbox.expecting(COLLECTION, id, "revision", current.revision()),
                new Update()
                        .set("status", ActivityStatus.VOIDED.name())
                        .set("voidReason", request.reason())
                        .set("revision", revision.revision())
                        .push("history", revision),
                List.of(event));
        if (written.getModifiedCount() == 0) {
            throw new ConflictException("id", "Activity " + id + " changed meanwhile; read it again");
        }
        return require(bureau, id);
    }

    /**
     * Corrects a record: the changed fields are checked like a new record, the earlier revision is
     * kept in the history, and the corrected record is announced in full.
     */
    Activity correct(String bureau, String id, CorrectActivity c) {
        Activity current = require(bureau, id);
        if (current.status() == ActivityStatus.VOIDED) {
            throw new ConflictException("id", "Activity " + id + " was voided and cannot be corrected");
        }
        var before = requestOf(current);
        var after = new LogActivity(
                current.type(),
                or(c.branch(), before.branch()),
                or(c.actor(), before.actor()),
                or(c.occurredOn(), before.occurredOn()),
                or(c.title(), before.title()),
                or(c.participants(), before.participants()),
                or(c.notes(), before.notes()),
                before.recordedBy(),
                or(c.lecturer(), before.lecturer()),
                or(c.audience(), before.audience()),
                or(c.attendees(), before.attendees()),
                or(c.absentees(), before.absentees()),
                or(c.findings(), before.findings()),
                or(c.rectificationDeadline(), before.rectificationDeadline()),
                or(c.promotionLevel(), before.promotionLevel()),
                or(c.commitmentItems(), before.commitmentItems()),
                or(c.itemOutcomes(), before.itemOutcomes()),
                or(c.enterprises(), before.enterprises()),
                or(c.attachments(), before.attachments()));
        List<String> changed = changedFields(before, after);
        if (changed.isEmpty()) {
            throw new UnprocessableException("reason", "The correction changes nothing");
        }
        var errors = check(bureau, after, LocalDate.now(clock), directory.branch(bureau, after.branch()));
        if (!errors.isEmpty()) {
            throw new UnprocessableException(errors);
        }
        var at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var corrected = recordOf(
                id,
                bureau,
                current.bureauPath(),
                after,
                current.loggedAt(),
                current.recordedBy(),
                current.backfilled(),
                current.revision() + 1,
                current.history(),
                current.idempotencyKey(),
                current.fingerprint());
        var record = logged(corrected);
        var event = outbox.event(
                Events.ACTIVITY_CORRECTED,
                bureau + "/" + current.branch(),
                "bureaus/" + bureau + "/activities/" + id,
                bureau,
                current.bureauPath(),
                new ActivityCorrected(
                        id, bureau, current.bureauPath(), corrected.revision(), c.reason(), changed, at, record));
        var update = new Update()
                .set("branch", corrected.branch())
                .set("actor", corrected.actor())
                .set("occurredOn", corrected.occurredOn())
                .set("title", corrected.title())
                .set("participants", corrected.participants())
                .set("notes", corrected.notes())
                .set("lecturer", corrected.lecturer())
                .set("audience", corrected.audience())
                .set("attendees", corrected.attendees())
                .set("absentees", corrected.absentees())
                .set("findings", corrected.findings())
                .set("rectificationDeadline", corrected.rectificationDeadline())
                .set(
                        "promotionLevel",
                        corrected.promotionLevel() == null
                                ? null
                                : corrected.promotionLevel().name())
                .set("commitmentItems", corrected.commitmentItems())
                .set("itemOutcomes", corrected.itemOutcomes())
                .set("enterprises", corrected.enterprises())
                .set("attachments", corrected.attachments())
                .set("revision", corrected.revision())
                .push(
                        "history",
                        new ActivityRevision(
                                corrected.revision(),
                                ActivityRevision.Kind.CORRECTED,
                                at,
                                c.reason(),
                                changed,
                                record));
        var written = outbox.update(
                COLLECTION, outbox.expecting(COLLECTION, id, "revision", current.revision()), update, List.of(event));
        if (written.getModifiedCount() == 0) {
            throw new ConflictException("id", "Activity " + id + " changed meanwhile; read it again");
        }
        return require(bureau, id);
    }

    List<ActivityRevision> history(String bureau, String id) {
        return require(bureau, id).history();
    }

    Activity require(String bureau, String id) {
        Activity activity = find(bureau, id);
        if (activity == null) {
            throw new NotFoundException("No activity " + id + " in bureau " + bureau);
        }
        return activity;
    }

    private static LogActivity requestOf(Activity a) {
        return new LogActivity(
                a.type(),
                a.branch(),
                a.actor(),
                a.occurredOn(),
                a.title(),
                a.participants(),
                a.notes(),
                a.recordedBy(),
                a.lecturer(),
                a.audience(),
                a.attendees(),
                a.absentees(),
                a.findings(),
                a.rectificationDeadline(),
                a.promotionLevel(),
                a.commitmentItems(),
                a.itemOutcomes(),
                a.enterprises(),
                a.attachments() == null
                        ? null
                        : a.attachments().stream().map(Attachment::id).toList());
    }

    private static List<String> changedFields(LogActivity before, LogActivity after) {
        var changed = new java.util.ArrayList<String>();
        for (var component : LogActivity.class.getRecordComponents()) {
            try {
                if (!Objects.equals(
                        component.getAccessor().invoke(before),
                        component.getAccessor().invoke(after))) {
                    changed.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }

    /** The active record a request describes, with what the request does not say given. */
    private Activity recordOf(
            String id,
            String bureau,
            List<String> bureauPath,
            LogActivity r,
            Instant loggedAt,
            String recordedBy,
            boolean backfilled,
            int revision,
            List<ActivityRevision> history,
            String idempotencyKey,
            String fingerprint) {
        boolean lecture = r.type() == ActivityType.PARTY_LECTURE;
        boolean meeting = ActivityRules.MEETINGS.contains(r.type());
        return new Activity(
                id,
                bureau,
                bureauPath,
                r.type(),
                r.branch(),
                r.actor(),
                r.occurredOn(),
                r.title(),
                r.participants() == null ? List.of() : List.copyOf(r.participants()),
                r.notes(),
                loggedAt,
                recordedBy,
                backfilled,
                lecture ? (r.lecturer() == null ? r.actor() : r.lecturer()) : null,
                lecture ? List.copyOf(ActivityRules.audienceOf(r)) : null,
                meeting ? List.copyOf(ActivityRules.attendeesOf(r)) : null,
                meeting ? r.absentees() : null,
                r.findings(),
                r.rectificationDeadline(),
                r.promotionLevel(),
                r.commitmentItems(),
                r.itemOutcomes(),
                r.enterprises(),
                attachmentsOf(bureau, r.attachments()),
                ActivityStatus.ACTIVE,
                revision,
                null,
                history,
                idempotencyKey,
                fingerprint);
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    private static Activity withHistory(Activity a, List<ActivityRevision> history) {
        return new Activity(
                a.id(),
                a.bureau(),
                a.bureauPath(),
                a.type(),
                a.branch(),
                a.actor(),
                a.occurredOn(),
                a.title(),
                a.participants(),
                a.notes(),
                a.loggedAt(),
                a.recordedBy(),
                a.backfilled(),
                a.lecturer(),
                a.audience(),
                a.attendees(),
                a.absentees(),
                a.findings(),
                a.rectificationDeadline(),
                a.promotionLevel(),
                a.commitmentItems(),
                a.itemOutcomes(),
                a.enterprises(),
                a.attachments(),
                a.status(),
                a.revision(),
                a.voidReason(),
                history,
                a.idempotencyKey(),
                a.fingerprint());
    }

    static ActivityLogged logged(Activity a) {
        return new ActivityLogged(
                a.id(),
                a.bureau(),
                a.bureauPath(),
                a.type().name(),
                a.branch(),
                a.actor(),
                a.occurredOn(),
                a.title(),
                a.participants(),
                a.notes(),
                a.loggedAt(),
                a.recordedBy(),
                a.backfilled() ? Boolean.TRUE : null,
                a.lecturer(),
                a.audience(),
                a.attendees(),
                a.absentees(),
                a.findings(),
                a.rectificationDeadline(),
                a.promotionLevel() == null ? null : a.promotionLevel().name(),
                a.commitmentItems(),
                a.itemOutcomes(),
                a.enterprises(),
                a.attachments());
    }

    /** The files an activity refers to, each of which must have been uploaded to this bureau. */
    private List<Attachment> attachmentsOf(String bureau, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return null;
        }
        var found = new java.util.ArrayList<Attachment>();
        var errors = new java.util.ArrayList<io.firstsecretary.kit.web.FieldError>();
        for (int i = 0; i < ids.size(); i++) {
            int index = i;
            attachments
                    .find(bureau, ids.get(i))
                    .ifPresentOrElse(
                            found::add,
                            () -> errors.add(io.firstsecretary.kit.web.FieldError.of(
                                    "attachments[" + index + "]",
                                    "No attachment " + ids.get(index) + " was uploaded")));
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException(errors);
        }
        return found;
    }

    /** Everyone a record names who must be a member: read from the replica together, once per check. */
    private static Set<String> peopleNamedIn(LogActivity request) {
        var people = new HashSet<String>();
        Stream.of(request.actor(), request.recordedBy(), request.lecturer())
                .filter(Objects::nonNull)
                .forEach(people::add);
        Stream.of(request.participants(), request.audience(), request.attendees(), request.absentees())
                .filter(Objects::nonNull)
                .forEach(people::addAll);
        return people;
    }

    /** The bureau's path; an unknown bureau is asked about again once the replica has caught up. */
    private List<String> bureauPath(String bureau) {
        var path = directory.bureauPath(bureau);
        if (path.isEmpty() && replica.awaitCurrent(Topics.ORGANISATION)) {
            path = directory.bureauPath(bureau);
        }
        return path.orElseThrow(() -> new NotFoundException("No bureau " + bureau));
    }

    /**
     * The rules' verdict on {@code request}. One that rests on the directory saying no is asked for
     * again once the replica has caught up: a directory change the caller has just made is never
     * refused as if it had not happened. {@code branch} is the request's branch as just read.
     */
    private List<FieldError> check(
            String bureau, LogActivity request, LocalDate today, Optional<DirectoryBranch> branch) {
        var saidNo = new AtomicBoolean();
        var errors = ActivityRules.check(request, today, branchAsOf(request, bureau, branch, saidNo));
        if (!errors.isEmpty() && saidNo.get() && replica.awaitCurrent(Topics.ORGANISATION)) {
            var reread = directory.branch(bureau, request.branch());
            errors = ActivityRules.check(request, today, branchAsOf(request, bureau, reread, new AtomicBoolean()));
        }
        return errors;
    }

    /** The directory as the rules see it on the activity's day; {@code saidNo} hears of each negative answer. */
    private ActivityRules.Branch branchAsOf(
            LogActivity request, String bureau, Optional<DirectoryBranch> known, AtomicBoolean saidNo) {
        String branch = request.branch();
        LocalDate day = request.occurredOn();
        var firstSecretary = known.flatMap(b -> b.firstSecretaryOn(day));
        var members = directory.members(
                bureau,
                peopleNamedIn(request),
                known.map(DirectoryBranch::members).orElse(Map.of()));
        return new ActivityRules.Branch() {
            @Override
            public boolean existed() {
                return yes(known.map(b -> b.existedOn(day)).orElse(false));
            }

            @Override
            public boolean belongs(String member) {
                return yes(firstSecretary.map(member::equals).orElse(false)
                        || Optional.ofNullable(members.get(member))
                                .map(m -> m.memberOfOn(branch, day))
                                .orElse(false));
            }

            /** Whoever it names, the answer may be out of date: an assignment may have just been made. */
            @Override
            public Optional<String> firstSecretary() {
                saidNo.set(true);
                return firstSecretary;
            }

            @Override
            public boolean known(String member) {
                return yes(members.containsKey(member));
            }

            private boolean yes(boolean answer) {
                if (!answer) {
                    saidNo.set(true);
                }
                return answer;
            }

            @Override
            public Set<String> commitmentItems(String actor, int year) {
                var commitments = Query.query(Criteria.where("bureau")
                        .is(bureau)
                        .and("actor")
                        .is(actor)
                        .and("type")
                        .is(ActivityType.ANNUAL_COMMITMENT.name())
                        .and("status")
                        .ne(ActivityStatus.VOIDED.name())
                        .and("occurredOn")
                        .gte(LocalDate.of(year, 1, 1))
                        .lte(LocalDate.of(year, 12, 31)));
                return mongo.find(commitments, Activity.class, COLLECTION).stream()
                        .flatMap(c -> c.commitmentItems().stream())
                        .map(ActivityLogged.CommitmentItem::code)
                        .collect(Collectors.toSet());
            }
        };
    }

    /** The activity {@code id} of {@code bureau}; read by id alone, which the store finds by key. */
    Activity find(String bureau, String id) {
        var found = mongo.findById(id, Activity.class, COLLECTION);
        return found != null && found.bureau().equals(bureau) ? found : null;
    }

    Paged<Activity> list(String bureau, ActivityFilter filter, int page, int size) {
        Paged.validate(page, size);
        var criteria = criteriaOf(bureau, filter);
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

    /** Every activity matching the filter, oldest first, up to {@code limit}. */
    List<Activity> all(String bureau, ActivityFilter filter, int limit) {
        var query = Query.query(criteriaOf(bureau, filter))
                .with(Sort.by("occurredOn", "_id"))
                .limit(limit);
        return mongo.find(query, Activity.class, COLLECTION);
    }

    private Criteria criteriaOf(String bureau, ActivityFilter filter) {
        directory.bureauPath(bureau).orElseThrow(() -> new NotFoundException("No bureau " + bureau));
        var criteria = Criteria.where("bureau").is(bureau);
        if (filter.branch() != null) {
            criteria = criteria.and("branch").is(filter.branch());
        }
        if (filter.type() != null) {
            criteria = criteria.and("type").is(filter.type().name());
        }
        if (filter.actor() != null) {
            criteria = criteria.and("actor").is(filter.actor());
        }
        if (filter.participant() != null) {
            criteria = criteria.orOperator(
                    Criteria.where("participants").is(filter.participant()),
                    Criteria.where("audience").is(filter.participant()),
                    Criteria.where("attendees").is(filter.participant()));
        }
        if (!filter.includeVoided()) {
            criteria = criteria.and("status").ne(ActivityStatus.VOIDED.name());
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
        return criteria;
    }

    private static Registration<Activity> replay(Activity earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new ConflictException(
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
