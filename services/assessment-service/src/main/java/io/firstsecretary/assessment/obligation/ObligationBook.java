package io.firstsecretary.assessment.obligation;

import com.mongodb.client.result.UpdateResult;
import io.firstsecretary.assessment.catalogue.CatalogueChanged;
import io.firstsecretary.assessment.catalogue.Catalogues;
import io.firstsecretary.assessment.catalogue.DutyCatalogue;
import io.firstsecretary.assessment.facts.Assignment;
import io.firstsecretary.assessment.facts.Branch;
import io.firstsecretary.assessment.facts.Bureau;
import io.firstsecretary.assessment.facts.ById;
import io.firstsecretary.assessment.facts.Change;
import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.facts.Keys;
import io.firstsecretary.assessment.facts.Waiver;
import io.firstsecretary.assessment.period.Period;
import io.firstsecretary.contracts.EventType;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.assessment.ObligationFulfilled;
import io.firstsecretary.contracts.assessment.ObligationOpened;
import io.firstsecretary.contracts.assessment.ObligationOverdue;
import io.firstsecretary.contracts.assessment.ObligationReopened;
import io.firstsecretary.contracts.assessment.ObligationRescheduled;
import io.firstsecretary.contracts.assessment.ObligationWaived;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.outbox.OutboxEvent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Keeps the stored obligations equal to what the facts say is owed and met. Every change of facts
 * recomputes the obligations it can touch and writes only the differences, each status change with
 * its event in the same document (outbox). Recomputing twice changes nothing and publishes nothing,
 * so redelivery and arrival order do not matter; writes expect the revision they read, so two
 * recomputations racing cannot both announce a change.
 */
@Service
public class ObligationBook {

    public static final String OBLIGATIONS = "obligations";
    /** The obligations of each scope, by id ({@link Keys}). */
    public static final String OBLIGATION_KEYS = "obligationKeys";
    /** Each bureau's year of obligations, as {@link Listing}s. */
    public static final String OBLIGATION_LISTINGS = Listings.LISTINGS;

    private static final Logger log = LoggerFactory.getLogger(ObligationBook.class);
    private static final int ATTEMPTS = 20;
    private static final String OFFICE = "WAIVED_BY_OFFICE";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Facts facts;
    private final Catalogues catalogues;
    private final Clock clock;
    private final boolean announce;
    private final Set<String> openedYears = ConcurrentHashMap.newKeySet();
    private final Keys keys;
    private final Listings listings;

    @Autowired
    ObligationBook(MongoTemplate mongo, Outbox outbox, Facts facts, Catalogues catalogues, Clock clock) {
        this(mongo, outbox, facts, catalogues, clock, true);
    }

    /**
     * A book over {@code facts}' generation; one that does not {@code announce} writes no events (a
     * rebuild: what it computes was announced when it first happened).
     */
    public ObligationBook(
            MongoTemplate mongo, Outbox outbox, Facts facts, Catalogues catalogues, Clock clock, boolean announce) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.facts = facts;
        this.catalogues = catalogues;
        this.clock = clock;
        this.announce = announce;
        this.keys = new Keys(mongo, facts.generation(), OBLIGATION_KEYS);
        this.listings = new Listings(mongo, facts.generation());
    }

    /** The collection of the obligations this book keeps. */
    public String collection() {
        return facts.generation().of(OBLIGATIONS);
    }

    /** Recomputes what a batch's changes of facts can have touched, reading each bureau's catalogue once. */
    public void recomputeAll(List<Change> changes) {
        var catalogueOf = cataloguesOnce();
        for (var change : changes) {
            switch (change.scope()) {
                case ASSIGNMENT ->
                    facts.assignment(change.key()).ifPresent(a -> {
                        recomputeAssignment(a, change.reason(), change.touches(), catalogueOf);
                        recomputeBureau(a.bureau(), a.bureauPath(), catalogueOf);
                    });
                case BRANCH -> {
                    for (Assignment a : facts.assignmentsOfBranch(change.bureau(), change.key())) {
                        recomputeAssignment(a, change.reason(), change.touches(), catalogueOf);
                    }
                    recomputeBranchOwn(change.bureau(), change.key(), change.reason(), change.touches(), catalogueOf);
                }
                case BUREAU -> recomputeSubtree(change.bureau());
            }
        }
    }

    /** The catalogue in force on each day for a bureau's path. */
    private interface CatalogueOf extends Function<List<String>, Function<LocalDate, Optional<DutyCatalogue>>> {}

    /** Catalogues for one piece of work: each path's versions are read once, when first asked for. */
    private CatalogueOf cataloguesOnce() {
        var read = new HashMap<List<String>, Function<LocalDate, Optional<DutyCatalogue>>>();
        return path -> read.computeIfAbsent(path, catalogues::forBureau);
    }

    /** Recomputes the obligations of every assignment a member holds in a bureau (e.g. after a review). */
    public void recomputeMember(String bureau, String member) {
        var catalogueOf = cataloguesOnce();
        facts.assignmentsOf(bureau, member)
                .forEach(a ->
                        recomputeAssignment(a, Change.Reason.REQUIREMENTS_CHANGED, Change.Touches.ALL, catalogueOf));
    }

    /** Recomputes the bureau's own duties of this year and the last (每月局务会专题汇报). */
    public void recomputeBureau(String bureau, List<String> path) {
        recomputeBureau(bureau, path, cataloguesOnce());
    }

    private void recomputeBureau(String bureau, List<String> path, CatalogueOf catalogueOf) {
        var catalogueOn = catalogueOf.apply(path);
        var years = recentYears();
        var owed = new ArrayList<Owed>();
        years.forEach(year -> owed.addAll(ObligationRules.owedByBureau(bureau, path, year, catalogueOn)));
        retrying(() ->
                reconcile("bureau:" + bureau, years, owed, Change.Reason.REQUIREMENTS_CHANGED, Change.Touches.ALL));
    }

    /** Recomputes everything a bureau and the bureaus below it owe, e.g. after a catalogue change. */
    @EventListener
    public void onCatalogueChanged(CatalogueChanged changed) {
        recomputeSubtree(changed.bureau());
    }

    /** Recomputes every obligation of a bureau and the bureaus below it; the number of assignments. */
    public int recomputeSubtree(String bureau) {
        var bureaus = facts.allBureaus().stream()
                .filter(b -> b.path().contains(bureau))
                .toList();
        return recomputeEach(bureaus, "under " + bureau);
    }

    /**
     * Computes every obligation the facts give rise to into this book's collection, which must be
     * empty and written by nobody else meanwhile (a rebuild's fresh generation): nothing stored is
     * looked up, and each scope's obligations are inserted together. The number of assignments;
     * {@code progress} hears the number so far after each bureau.
     */
    public int computeAllIntoEmpty(IntConsumer progress) {
        var bureaus = facts.allBureaus();
        var assignments = facts.allAssignments().stream()
                .sorted(Comparator.comparing(Assignment::member).thenComparing(Assignment::from))
                .collect(Collectors.groupingBy(Assignment::bureau));
        var branches = facts.allBranches().stream().collect(Collectors.groupingBy(Branch::bureau));
        var waivers = facts.allWaivers();
        int computed = 0;
        for (Bureau b : bureaus) {
            var catalogueOn = catalogues.forBureau(b.path());
            var owed = new ArrayList<Owed>();
            recentYears()
                    .forEach(year -> owed.addAll(ObligationRules.owedByBureau(b.code(), b.path(), year, catalogueOn)));
            for (Assignment a : assignments.getOrDefault(b.code(), List.of())) {
                years(a.from(), a.to()).forEach(year -> owed.addAll(ObligationRules.owedBy(a, year, catalogueOn)));
                openedYears.add(a.id() + "|" + today().getYear());
                computed++;
            }
            for (var branch : branches.getOrDefault(b.code(), List.of())) {
                if (!branch.dissolved()) {
                    recentYears()
                            .forEach(year -> owed.addAll(ObligationRules.owedByBranch(
                                    b.code(), b.path(), branch.code(), year, catalogueOn)));
                }
            }
            insertAll(b.code(), owed, waivers);
            progress.accept(computed);
        }
        log.info("Computed the obligations of {} bureaus and {} assignments", bureaus.size(), computed);
        return computed;
    }

    /** Inserts a bureau's obligations into an empty collection as {@link #reconcile} would, reading its facts at once. */
    private void insertAll(String bureau, List<Owed> owed, Map<String, Waiver> waivers) {
        if (owed.isEmpty()) {
            return;
        }
        var knowledge = facts.reading();
        knowledge.prefetch(
                bureau,
                owed.stream().map(Owed::branch).filter(Objects::nonNull).collect(Collectors.toSet()),
                owed.stream()
                        .flatMap(o -> java.util.stream.IntStream.rangeClosed(
                                        o.windowStart().getYear(), o.windowEnd().getYear())
                                .boxed())
                        .collect(Collectors.toSet()),
                owed.stream()
                        .flatMap(o -> ObligationRules.typesRead(o.duty()).stream())
                        .collect(Collectors.toSet()));
        LocalDate today = today();
        var documents = new ArrayList<org.bson.Document>();
        var obligations = new ArrayList<Obligation>();
        var listed = new HashMap<String, List<String>>();
        for (Owed o : owed) {
            var assessed = ObligationRules.assess(o, knowledge);
            if (!o.optional() || assessed.met()) {
                var obligation = stateOf(assessed, waivers.get(o.id()), today, 0);
                listed.computeIfAbsent(ofScope(o.scopeKey()), x -> new ArrayList<>())
                        .add(o.id());
                obligations.add(obligation);
                var document = new org.bson.Document();
                mongo.getConverter().write(obligation, document);
                document.remove("_class");
                documents.add(document);
            }
        }
        if (!documents.isEmpty()) {
            keys.addAll(listed);
            listings.putAll(obligations);
            mongo.getCollection(collection()).insertMany(documents);
        }
    }

    private int recomputeEach(List<Bureau> bureaus, String where) {
        int assignments = 0;
        var catalogueOf = cataloguesOnce();
        for (Bureau b : bureaus) {
            recomputeBureau(b.code(), b.path(), catalogueOf);
            for (Assignment a : facts.assignmentsOfBureau(b.code())) {
                recomputeAssignment(a, Change.Reason.REQUIREMENTS_CHANGED, Change.Touches.ALL, catalogueOf);
                assignments++;
            }
            for (var branch : facts.branches(b.code())) {
                recomputeBranchOwn(
                        b.code(), branch.code(), Change.Reason.REQUIREMENTS_CHANGED, Change.Touches.ALL, catalogueOf);
            }
        }
        log.info("Recomputed the obligations of {} bureaus and {} assignments {}", bureaus.size(), assignments, where);
        return assignments;
    }

    /** Drops the obligations this book keeps (a rebuild's leftovers, or a generation retired). */
    public void drop() {
        mongo.dropCollection(collection());
        keys.drop();
        listings.drop();
    }

    /** The standing (not retired) obligations of the bureau whose periods lie in {@code years}. */
    public List<Obligation> ofYears(String bureau, Collection<Integer> years) {
        return byIds(listed(bureau, years).stream().map(Listing::id).toList());
    }

    /** What the bureau's years list, by due day, read from one document per year without an obligation. */
    List<Listing> listed(String bureau, Collection<Integer> years) {
        return listings.of(bureau, years);
    }

    /** What the {@code year} of each of the bureaus lists, by bureau. */
    Map<String, List<Listing>> listed(Collection<String> bureaus, int year) {
        return listings.byBureau(bureaus, year);
    }

    /** The standing obligations of {@code listings}, in their order. */
    List<Obligation> ofListings(List<Listing> listed) {
        var byId = byIds(listed.stream().map(Listing::id).toList()).stream()
                .collect(Collectors.toMap(Obligation::id, o -> o));
        return listed.stream()
                .map(l -> byId.get(l.id()))
                .filter(Objects::nonNull)
                .toList();
    }

    private List<Obligation> byIds(List<String> ids) {
        return ids.isEmpty()
                ? List.of()
                : ById.find(mongo, ids, Obligation.class, collection()).stream()
                        .filter(o -> !o.isRetired())
                        .toList();
    }

    /**
     * Lists under their keys the obligations of a store from before the keys existed, once; a
     * rebuild lists them as it computes them.
     */
    public void listObligations() {
        boolean keyed = keys.isComplete();
        boolean listed = listings.isComplete();
        if (keyed && listed) {
            return;
        }
        var all = mongo.findAll(Obligation.class, collection());
        if (!keyed) {
            keys.addAll(all.stream()
                    .collect(Collectors.groupingBy(
                            o -> ofScope(o.scopeKey()), Collectors.mapping(Obligation::id, Collectors.toList()))));
            keys.markComplete();
        }
        if (!listed) {
            // the bureau-year keys listed ids before the listings replaced them
            keys.forget("year:");
            listings.putAll(all);
            listings.markComplete();
        }
    }

    /** Notes that a fresh collection's keys and listings list everything as it is written. */
    public void keysListEverything() {
        keys.markComplete();
        listings.markComplete();
    }

    private static String ofScope(String scopeKey) {
        return "scope:" + scopeKey;
    }

    /** Whether events of this book's obligations still wait for the relay. */
    public boolean hasPendingEvents() {
        return outbox.hasPending(collection());
    }

    /** Every obligation of an assignment, over every year of its term up to this one. */
    private void recomputeAssignment(
            Assignment a, Change.Reason reason, Change.Touches touches, CatalogueOf catalogueOf) {
        var catalogueOn = catalogueOf.apply(a.bureauPath());
        var years = years(a.from(), a.to());
        var owed = new ArrayList<Owed>();
        years.forEach(year -> owed.addAll(ObligationRules.owedBy(a, year, catalogueOn)));
        retrying(() -> reconcile(a.id(), years, owed, reason, touches));
        openedYears.add(a.id() + "|" + today().getYear());
    }

    /** The branch's own duties (三会一课, 主题党日) of this year and the last; none once it is gone. */
    private void recomputeBranchOwn(
            String bureau, String branch, Change.Reason reason, Change.Touches touches, CatalogueOf catalogueOf) {
        var path = facts.bureau(bureau).map(Bureau::path).orElse(null);
        if (path == null) {
            return;
        }
        boolean standing =
                facts.branch(bureau, branch).filter(b -> !b.dissolved()).isPresent();
        var catalogueOn = catalogueOf.apply(path);
        var years = recentYears();
        var owed = new ArrayList<Owed>();
        if (standing) {
            years.forEach(year -> owed.addAll(ObligationRules.owedByBranch(bureau, path, branch, year, catalogueOn)));
        }
        retrying(() -> reconcile("branch:" + bureau + "/" + branch, years, owed, reason, touches));
    }

    /**
     * The clock's part: obligations whose due day has passed unmet become OVERDUE (with an event),
     * and a new year's obligations are opened for every standing assignment.
     */
    public int sweep() {
        LocalDate today = today();
        var due = Query.query(Criteria.where("status")
                .is(ObligationStatus.OPEN.name())
                .and("dueOn")
                .lt(today));
        int overdue = 0;
        for (Obligation o : mongo.find(due, Obligation.class, collection())) {
            var result = update(
                    expecting(o),
                    new Update().set("status", ObligationStatus.OVERDUE.name()).inc("revision", 1),
                    List.of(overdue(o)));
            if (result.getModifiedCount() == 1) {
                listings.put(o.withStatus(ObligationStatus.OVERDUE));
                overdue++;
            }
        }
        int year = today.getYear();
        var catalogueOf = cataloguesOnce();
        for (Assignment a : facts.allAssignments()) {
            boolean standing =
                    (a.to() == null || a.to().getYear() >= year) && !a.from().isAfter(today);
            if (standing && !openedYears.contains(a.id() + "|" + year)) {
                recomputeAssignment(a, Change.Reason.REQUIREMENTS_CHANGED, Change.Touches.ALL, catalogueOf);
                recomputeBureau(a.bureau(), a.bureauPath(), catalogueOf);
            }
        }
        for (var b : facts.allBureaus()) {
            for (var branch : facts.branches(b.code())) {
                if (!branch.dissolved() && openedYears.add(branch.id() + "|" + year)) {
                    recomputeBranchOwn(
                            b.code(),
                            branch.code(),
                            Change.Reason.REQUIREMENTS_CHANGED,
                            Change.Touches.ALL,
                            catalogueOf);
                }
            }
        }
        return overdue;
    }

    /** The outcome of asking to waive an obligation. */
    public sealed interface Waiving {
        record Waived(ObligationView obligation) implements Waiving {}

        record AlreadyMet(ObligationView obligation) implements Waiving {}

        record NotFound() implements Waiving {}
    }

    /** The party-building office waives an obligation (豁免) with a reason; an event announces it. */
    public Waiving waive(String bureau, String id, String note, String by) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var o = mongo.findById(id, Obligation.class, collection());
            if (o == null || !o.bureau().equals(bureau) || o.isRetired()) {
                return new Waiving.NotFound();
            }
            if (o.settled()) {
                return new Waiving.AlreadyMet(ObligationView.of(o));
            }
            if (o.status() == ObligationStatus.WAIVED) {
                return new Waiving.Waived(ObligationView.of(o));
            }
            var waiver = new Obligation.Waiver(OFFICE, note, by, clock.instant());
            facts.saveWaiver(new Waiver(o.id(), o.bureau(), o.scopeKey(), note, by, waiver.at()));
            var result = update(
                    expecting(o),
                    new Update()
                            .set("status", ObligationStatus.WAIVED.name())
                            .set("waiver", waiver)
                            .inc("revision", 1),
                    List.of(waived(o, waiver)));
            if (result.getModifiedCount() == 1) {
                listings.put(o.withStatus(ObligationStatus.WAIVED));
                return new Waiving.Waived(ObligationView.of(mongo.findById(id, Obligation.class, collection())));
            }
        }
        throw new IllegalStateException("Obligation " + id + " kept changing while being waived");
    }

    /** Every year whose obligations are kept: this year and the ten before it. */
    public List<Integer> yearsKept() {
        int year = today().getYear();
        return java.util.stream.IntStream.rangeClosed(year - 10, year).boxed().toList();
    }

    /** This year and the last: the last year's duties may still be met late in January. */
    private List<Integer> recentYears() {
        int year = today().getYear();
        return List.of(year - 1, year);
    }

    private List<Integer> years(LocalDate from, LocalDate to) {
        int last = today().getYear();
        if (to != null && to.getYear() < last) {
            last = to.getYear();
        }
        var years = new ArrayList<Integer>();
        for (int y = Math.max(from.getYear(), last - 10); y <= last; y++) {
            years.add(y);
        }
        return years;
    }

    /**
     * Brings the stored obligations of {@code scopeKey} in {@code years} to what is owed; false if a
     * write raced. One no longer owed (its term now covers too little of the period, and no work met
     * it) is retired: waived, announced as such, and no longer shown.
     */
    private boolean reconcile(
            String scopeKey, List<Integer> years, List<Owed> owed, Change.Reason reason, Change.Touches touches) {
        LocalDate today = today();
        var inScope = touches.all()
                ? owed
                : owed.stream().filter(o -> touched(o, touches)).toList();
        if (inScope.isEmpty() && !touches.all()) {
            return true;
        }
        Map<String, Obligation> stored = new HashMap<>();
        if (touches.all()) {
            var ids = keys.ids(ofScope(scopeKey));
            if (!ids.isEmpty()) {
                ById.find(mongo, ids, Obligation.class, collection()).stream()
                        .filter(o -> years.contains(Period.parse(o.period()).year()))
                        .forEach(o -> stored.put(o.id(), o));
            }
        } else {
            // by id: a few documents found through the index in one query, not a search of the collection
            var ids = inScope.stream().map(Owed::id).toList();
            ById.find(mongo, ids, Obligation.class, collection()).forEach(found -> stored.put(found.id(), found));
        }
        var waivers = facts.waivers(scopeKey);
        var knowledge = facts.reading();
        for (Owed o : inScope) {
            var assessed = ObligationRules.assess(o, knowledge);
            if (o.optional() && !assessed.met()) {
                continue;
            }
            if (!write(stored.remove(o.id()), assessed, waivers.get(o.id()), today, reason)) {
                return false;
            }
        }
        for (Obligation gone : stored.values()) {
            if (!gone.isRetired()) {
                var waiver = new Obligation.Waiver("PERIOD_NOT_COVERED", null, null, clock.instant());
                var result = update(
                        expecting(gone),
                        new Update()
                                .set("status", ObligationStatus.WAIVED.name())
                                .set("waiver", waiver)
                                .set("retired", true)
                                .inc("revision", 1),
                        gone.status() == ObligationStatus.WAIVED ? List.of() : List.of(waived(gone, waiver)));
                if (result.getModifiedCount() == 0) {
                    return false;
                }
                listings.put(gone.retire());
            }
        }
        return true;
    }

    /** Whether an activity of the touched types and days can bear on {@code o}. */
    private static boolean touched(Owed o, Change.Touches touches) {
        return touches.types().stream().anyMatch(type -> o.duty().countsActivity(type))
                && (touches.days() == null
                        || touches.days().stream().anyMatch(day -> o.period().contains(day)));
    }

    private boolean write(Obligation before, Assessed assessed, Waiver office, LocalDate today, Change.Reason reason) {
        var after = stateOf(assessed, office, today, before == null ? 0 : before.revision() + 1);
        return writeAfter(before, after, after.status(), reason);
    }

    /** What the stored obligation should say after {@code assessed}. */
    private Obligation stateOf(Assessed assessed, Waiver office, LocalDate today, long revision) {
        Owed o = assessed.owed();
        boolean officeWaiver = office != null && !assessed.met();
        ObligationStatus status = officeWaiver ? ObligationStatus.WAIVED : assessed.statusOn(today);
        return new Obligation(
                o.id(),
                o.bureau(),
                o.bureauPath(),
                o.duty().code(),
                o.period().toString(),
                o.duty().owedBy().name(),
                o.scopeKey(),
                o.assignee(),
                o.branch(),
                o.windowStart(),
                o.windowEnd(),
                o.dueOn(),
                status,
                assessed.evidence(),
                assessed.completedOn(),
                assessed.required(),
                assessed.missing(),
                officeWaiver ? new Obligation.Waiver(OFFICE, office.note(), office.by(), office.at()) : null,
                revision,
                null);
    }

    private boolean writeAfter(Obligation before, Obligation after, ObligationStatus status, Change.Reason reason) {
        if (before == null) {
            var events = new ArrayList<OutboxEvent>();
            events.add(opened(after));
            events.addAll(transition(ObligationStatus.OPEN, after, reason));
            // listed before it is written, so no crash leaves an obligation nothing lists
            keys.add(List.of(ofScope(after.scopeKey())), after.id());
            listings.put(after);
            return outbox.insertIfAbsent(collection(), after.id(), after, announce ? events : List.of());
        }
        if (sameState(before, after) && !before.isRetired()) {
            return true;
        }
        var events = new ArrayList<OutboxEvent>();
        if (before.isRetired() || (before.status() == ObligationStatus.WAIVED && status != ObligationStatus.WAIVED)) {
            events.add(opened(after));
            events.addAll(transition(ObligationStatus.OPEN, after, reason));
        } else {
            events.addAll(transition(before.status(), after, reason));
            if (!before.dueOn().equals(after.dueOn()) && !status.met() && status != ObligationStatus.WAIVED) {
                events.add(rescheduled(after, before.dueOn()));
            }
        }
        var update = new Update()
                .set("windowStart", after.windowStart())
                .set("windowEnd", after.windowEnd())
                .set("dueOn", after.dueOn())
                .set("status", status.name())
                .set("evidence", after.evidence())
                .set("completedOn", after.completedOn())
                .set("required", after.required())
                .set("missing", after.missing())
                .set("waiver", after.waiver())
                .set("owedBy", after.owedBy())
                .unset("retired")
                .inc("revision", 1);
        if (update(expecting(before), update, events).getModifiedCount() != 1) {
            return false;
        }
        relist(before, after);
        return true;
    }

    /**
     * Lists the obligation as written, when what its year lists of it changed. Set after the write,
     * so a write that lost a race lists nothing; a crash in between leaves its listing as it was
     * until the obligation is next written, while reads of the obligation itself show the truth.
     */
    private void relist(Obligation before, Obligation after) {
        if (before.isRetired() || !Listing.of(before).equals(Listing.of(after))) {
            listings.put(after);
        }
    }

    private UpdateResult update(Query query, Update update, List<OutboxEvent> events) {
        return outbox.update(collection(), query, update, announce ? events : List.of());
    }

    private List<OutboxEvent> transition(ObligationStatus from, Obligation to, Change.Reason reason) {
        var events = new ArrayList<OutboxEvent>();
        if (!from.met() && to.status().met()) {
            events.add(fulfilled(to));
        } else if (from.met() && !to.status().met() && to.status() != ObligationStatus.WAIVED) {
            events.add(reopened(to, reason));
        }
        if (to.status() == ObligationStatus.OVERDUE && from != ObligationStatus.OVERDUE) {
            events.add(overdue(to));
        }
        if (to.status() == ObligationStatus.WAIVED && from != ObligationStatus.WAIVED) {
            events.add(waived(to, to.waiver()));
        }
        return events;
    }

    private static boolean sameState(Obligation a, Obligation b) {
        return a.status() == b.status()
                && Objects.equals(a.evidence(), b.evidence())
                && Objects.equals(a.completedOn(), b.completedOn())
                && Objects.equals(a.required(), b.required())
                && Objects.equals(a.missing(), b.missing())
                && Objects.equals(a.windowStart(), b.windowStart())
                && Objects.equals(a.windowEnd(), b.windowEnd())
                && Objects.equals(a.dueOn(), b.dueOn())
                && Objects.equals(a.owedBy(), b.owedBy());
    }

    private Query expecting(Obligation o) {
        return outbox.expecting(collection(), o.id(), "revision", o.revision());
    }

    private void retrying(BooleanSupplier attempt) {
        for (int i = 0; i < ATTEMPTS; i++) {
            if (attempt.getAsBoolean()) {
                return;
            }
        }
        throw new IllegalStateException("Obligations kept changing during recomputation");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Period.ZONE);
    }

    private OutboxEvent opened(Obligation o) {
        return eventOf(
                Events.OBLIGATION_OPENED,
                o,
                new ObligationOpened(
                        o.id(),
                        o.bureau(),
                        o.bureauPath(),
                        o.duty(),
                        o.period(),
                        o.assignee(),
                        o.branch(),
                        o.dueOn(),
                        o.owedBy()));
    }

    private OutboxEvent fulfilled(Obligation o) {
        return eventOf(
                Events.OBLIGATION_FULFILLED,
                o,
                new ObligationFulfilled(
                        o.id(),
                        o.bureau(),
                        o.bureauPath(),
                        o.duty(),
                        o.period(),
                        o.assignee(),
                        o.branch(),
                        o.dueOn(),
                        o.status().name(),
                        o.evidence()));
    }

    private OutboxEvent reopened(Obligation o, Change.Reason reason) {
        return eventOf(
                Events.OBLIGATION_REOPENED,
                o,
                new ObligationReopened(
                        o.id(),
                        o.bureau(),
                        o.bureauPath(),
                        o.duty(),
                        o.period(),
                        o.assignee(),
                        o.branch(),
                        o.dueOn(),
                        reason.name(),
                        o.evidence()));
    }

    private OutboxEvent rescheduled(Obligation o, LocalDate previousDueOn) {
        return eventOf(
                Events.OBLIGATION_RESCHEDULED,
                o,
                new ObligationRescheduled(
                        o.id(),
                        o.bureau(),
                        o.bureauPath(),
                        o.duty(),
                        o.period(),
                        o.assignee(),
                        o.branch(),
                        o.dueOn(),
                        previousDueOn,
                        o.owedBy()));
    }

    private OutboxEvent overdue(Obligation o) {
        return eventOf(
                Events.OBLIGATION_OVERDUE,
                o,
                new ObligationOverdue(
                        o.id(), o.bureau(), o.bureauPath(), o.duty(), o.period(), o.assignee(), o.branch(), o.dueOn()));
    }

    private OutboxEvent waived(Obligation o, Obligation.Waiver waiver) {
        return eventOf(
                Events.OBLIGATION_WAIVED,
                o,
                new ObligationWaived(
                        o.id(),
                        o.bureau(),
                        o.bureauPath(),
                        o.duty(),
                        o.period(),
                        o.assignee(),
                        o.branch(),
                        o.dueOn(),
                        waiver.reason(),
                        waiver.note()));
    }

    private <T> OutboxEvent eventOf(EventType<T> type, Obligation o, T payload) {
        return outbox.event(
                type, o.id(), "bureaus/" + o.bureau() + "/obligations/" + o.id(), o.bureau(), o.bureauPath(), payload);
    }
}
