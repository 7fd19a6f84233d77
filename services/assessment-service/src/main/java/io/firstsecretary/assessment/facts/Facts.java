package io.firstsecretary.assessment.facts;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.firstsecretary.contracts.activity.ActivityLogged;
import io.firstsecretary.contracts.organisation.FirstSecretaryAssigned;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What assessment knows of the world, kept from the organisation and activity topics and from its
 * own reviews, evaluations and reports. Every write is idempotent and independent of arrival order,
 * so obligations can always be recomputed from these facts.
 */
public class Facts implements Knowledge {

    public static final String ASSIGNMENTS = "assignments";
    public static final String MEMBERS = "members";
    public static final String BUREAUS = "bureaus";
    public static final String BRANCHES = "branches";
    public static final String ACTIVITIES = "activities";
    public static final String LEDGERS = "ledgers";
    public static final String ROSTERS = "rosters";
    public static final String REVIEWS = "reviews";
    public static final String EVALUATIONS = "evaluations";
    public static final String REPORTS = "reports";
    public static final String WAIVERS = "waivers";
    /** The assignments of each branch, member and bureau, by id ({@link Keys}). */
    public static final String ASSIGNMENT_KEYS = "assignmentKeys";

    /** The facts replayed from the topics; reviews, evaluations and reports are assessment's own. */
    static final List<String> REPLAYED =
            List.of(ASSIGNMENTS, ASSIGNMENT_KEYS, MEMBERS, BUREAUS, BRANCHES, ACTIVITIES, LEDGERS, ROSTERS);

    private final MongoTemplate mongo;
    private final Generation generation;
    private final Keys assignmentKeys;

    public Facts(MongoTemplate mongo, Generation generation) {
        this.mongo = mongo;
        this.generation = generation;
        this.assignmentKeys = new Keys(mongo, generation, ASSIGNMENT_KEYS);
    }

    public Generation generation() {
        return generation;
    }

    private String at(String collection) {
        return generation.of(collection);
    }

    /** Drops this generation's replayed facts (a rebuild's leftovers, or a generation retired). */
    public void dropReplayed() {
        REPLAYED.forEach(c -> mongo.dropCollection(at(c)));
    }

    /** Every bureau the facts know of, from the tree or from first-secretary assignments. */
    public List<Bureau> allBureaus() {
        var bureaus = new TreeMap<String, Bureau>();
        mongo.findAll(Bureau.class, at(BUREAUS)).forEach(b -> bureaus.put(b.code(), b));
        for (String code : bureausWithAssignments()) {
            if (!bureaus.containsKey(code)) {
                assignmentsOfBureau(code).stream()
                        .findFirst()
                        .ifPresent(a -> bureaus.put(code, new Bureau(code, code, null, a.bureauPath())));
            }
        }
        return List.copyOf(bureaus.values());
    }

    public void saveBureau(Bureau bureau) {
        mongo.save(bureau, at(BUREAUS));
    }

    public Optional<Bureau> bureau(String code) {
        return Optional.ofNullable(mongo.findById(code, Bureau.class, at(BUREAUS)));
    }

    /** The bureau and every bureau below it. */
    public List<Bureau> subtree(String code) {
        return mongo.find(Query.query(Criteria.where("path").is(code)), Bureau.class, at(BUREAUS));
    }

    public void saveBranch(String bureau, String code, String name, boolean dissolved) {
        mongo.save(new Branch(Branch.idOf(bureau, code), bureau, code, name, dissolved), at(BRANCHES));
    }

    public List<Branch> branches(String bureau) {
        return mongo.find(
                Query.query(Criteria.where("bureau").is(bureau)).with(Sort.by("code")), Branch.class, at(BRANCHES));
    }

    public List<Branch> allBranches() {
        return mongo.findAll(Branch.class, at(BRANCHES));
    }

    public Optional<Branch> branch(String bureau, String code) {
        return Optional.ofNullable(mongo.findById(Branch.idOf(bureau, code), Branch.class, at(BRANCHES)));
    }

    /** The names of the branches, each as {@code <bureau>/<code>} of {@link Branch#idOf}, in one read; a branch not known is named by its code. */
    public Map<String, String> branchNames(Collection<String> ids) {
        var names = new HashMap<String, String>();
        ById.find(mongo, ids, Branch.class, at(BRANCHES)).forEach(b -> names.put(b.id(), b.name()));
        return names;
    }

    public String branchName(String bureau, String code) {
        var branch = mongo.findById(Branch.idOf(bureau, code), Branch.class, at(BRANCHES));
        return branch == null ? code : branch.name();
    }

    /**
     * Adds states to members' histories in order and files each history under every branch it was
     * ever in: three round trips to the store however many states there are.
     */
    public void addMemberStates(List<MemberState> states) {
        if (states.isEmpty()) {
            return;
        }
        var members = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, at(MEMBERS));
        states.forEach(s -> members.upsert(
                Query.query(Criteria.where("_id").is(MemberHistory.idOf(s.bureau(), s.member()))),
                new Update()
                        .set("bureau", s.bureau())
                        .set("member", s.member())
                        .set("name", s.name())
                        .addToSet("states", s.state())));
        members.execute();
        var ids = states.stream()
                .map(s -> MemberHistory.idOf(s.bureau(), s.member()))
                .distinct()
                .toList();
        var rosters = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, at(ROSTERS));
        var filed = 0;
        for (var history : ById.find(mongo, ids, MemberHistory.class, at(MEMBERS))) {
            var branches = history.states().stream()
                    .map(MemberHistory.State::branch)
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList();
            filed += branches.size();
            branches.forEach(branch -> rosters.upsert(
                    Query.query(Criteria.where("_id").is(Roster.idOf(history.bureau(), branch))),
                    new Update()
                            .set("bureau", history.bureau())
                            .set("branch", branch)
                            .set("members." + history.member(), history)));
        }
        if (filed > 0) {
            rosters.execute();
        }
    }

    /** A state of a member as an organisation event tells it. */
    public record MemberState(String bureau, String member, String name, MemberHistory.State state) {}

    public Optional<MemberHistory> member(String bureau, String member) {
        return Optional.ofNullable(
                mongo.findById(MemberHistory.idOf(bureau, member), MemberHistory.class, at(MEMBERS)));
    }

    /** Every member who was ever in {@code branch}; callers ask each about a day. */
    public List<MemberHistory> everInBranch(String bureau, String branch) {
        var roster = mongo.findById(Roster.idOf(bureau, branch), Roster.class, at(ROSTERS));
        return roster == null || roster.members() == null
                ? List.of()
                : List.copyOf(roster.members().values());
    }

    /** Members of {@code branch} on {@code day}, sorted by code. */
    public List<MemberHistory> membersOn(String bureau, String branch, LocalDate day) {
        return membersOn(everInBranch(bureau, branch), branch, day);
    }

    private static List<MemberHistory> membersOn(List<MemberHistory> everInBranch, String branch, LocalDate day) {
        return everInBranch.stream()
                .filter(m -> m.memberOf(branch, day))
                .sorted(Comparator.comparing(MemberHistory::member))
                .toList();
    }

    @Override
    public List<String> members(String bureau, String branch, LocalDate day) {
        return names(membersOn(bureau, branch, day));
    }

    @Override
    public List<String> keyPersons(String bureau, String branch, LocalDate day) {
        return keyPersons(everInBranch(bureau, branch), branch, day);
    }

    private static List<String> names(List<MemberHistory> members) {
        return members.stream().map(MemberHistory::member).toList();
    }

    private static List<String> keyPersons(List<MemberHistory> everInBranch, String branch, LocalDate day) {
        return everInBranch.stream()
                .filter(m -> m.keyPersonOf(branch, day))
                .map(MemberHistory::member)
                .sorted()
                .toList();
    }

    /**
     * These facts as one recomputation reads them: each ledger and roster is read from the store
     * once, however many obligations ask for it.
     */
    public Reading reading() {
        return new Reading();
    }

    /** A reading of the facts that remembers every ledger and roster it read. */
    public final class Reading implements Knowledge {

        private final Map<String, Optional<Ledger>> ledgers = new HashMap<>();
        private final Map<String, List<MemberHistory>> rosters = new HashMap<>();

        private Reading() {}

        /**
         * Reads in two queries the ledgers of {@code types} in {@code years} and the rosters of these
         * branches, so that assessing their obligations reads nothing more.
         */
        public void prefetch(
                String bureau, Collection<String> branches, Collection<Integer> years, Collection<String> types) {
            prefetchLedgers(Map.of(bureau, branches), years, types);
            var rosterIds = branches.stream().map(b -> Roster.idOf(bureau, b)).toList();
            rosterIds.forEach(id -> rosters.put(id, List.of()));
            ById.find(mongo, rosterIds, Roster.class, at(ROSTERS))
                    .forEach(r -> rosters.put(
                            r.id(),
                            r.members() == null
                                    ? List.of()
                                    : List.copyOf(r.members().values())));
        }

        /** Reads in one query the ledgers of {@code types} in {@code years} of each bureau's branches. */
        public void prefetchLedgers(
                Map<String, ? extends Collection<String>> branches,
                Collection<Integer> years,
                Collection<String> types) {
            var ledgerIds = new ArrayList<String>();
            branches.forEach((bureau, ofBureau) ->
                    ofBureau.forEach(branch -> years.forEach(year -> types.forEach(type -> {
                        String id = Ledger.idOf(bureau, branch, year, type);
                        ledgers.put(id, Optional.empty());
                        ledgerIds.add(id);
                    }))));
            if (!ledgerIds.isEmpty()) {
                ById.find(mongo, ledgerIds, Ledger.class, at(LEDGERS))
                        .forEach(l -> ledgers.put(l.id(), Optional.of(l)));
            }
        }

        @Override
        public List<RecordedActivity> activities(
                String bureau, String branch, Collection<String> types, LocalDate from, LocalDate to) {
            return Facts.activities(
                    id -> ledgers.computeIfAbsent(id, Facts.this::ledger), bureau, branch, types, from, to);
        }

        @Override
        public List<String> keyPersons(String bureau, String branch, LocalDate day) {
            return Facts.keyPersons(roster(bureau, branch), branch, day);
        }

        @Override
        public List<String> members(String bureau, String branch, LocalDate day) {
            return names(membersOn(roster(bureau, branch), branch, day));
        }

        private List<MemberHistory> roster(String bureau, String branch) {
            return rosters.computeIfAbsent(Roster.idOf(bureau, branch), id -> everInBranch(bureau, branch));
        }

        @Override
        public Optional<Review> review(String bureau, String assignee, String quarter) {
            return Facts.this.review(bureau, assignee, quarter);
        }

        @Override
        public Optional<FiledReport> filedReport(String bureau, String month) {
            return Facts.this.filedReport(bureau, month);
        }
    }

    public String memberName(String bureau, String member) {
        return member(bureau, member).map(MemberHistory::name).orElse(member);
    }

    /** Records an assignment; a relief learned earlier keeps its earlier end. */
    public void assign(FirstSecretaryAssigned assigned) {
        var known = mongo.findById(assigned.assignment(), Assignment.class, at(ASSIGNMENTS));
        if (known == null) {
            assignmentKeys.add(keysOf(assigned.bureau(), assigned.branch(), assigned.member()), assigned.assignment());
        }
        LocalDate to = known == null ? assigned.to() : earlier(known.to(), assigned.to());
        mongo.save(
                new Assignment(
                        assigned.assignment(),
                        assigned.bureau(),
                        assigned.bureauPath(),
                        assigned.member(),
                        assigned.memberName(),
                        assigned.branch(),
                        assigned.from(),
                        to),
                at(ASSIGNMENTS));
    }

    /** Ends a term early; the earliest end ever announced wins. */
    public Optional<Assignment> relieve(String assignment, LocalDate to) {
        var known = mongo.findById(assignment, Assignment.class, at(ASSIGNMENTS));
        if (known == null) {
            return Optional.empty();
        }
        var relieved = new Assignment(
                known.id(),
                known.bureau(),
                known.bureauPath(),
                known.member(),
                known.memberName(),
                known.branch(),
                known.from(),
                earlier(known.to(), to));
        mongo.save(relieved, at(ASSIGNMENTS));
        return Optional.of(relieved);
    }

    public Optional<Assignment> assignment(String id) {
        return Optional.ofNullable(mongo.findById(id, Assignment.class, at(ASSIGNMENTS)));
    }

    public List<Assignment> assignmentsOfBranch(String bureau, String branch) {
        return assignments(assignmentKeys.ids(ofBranch(bureau, branch)));
    }

    public List<Assignment> assignmentsOf(String bureau, String member) {
        return assignments(assignmentKeys.ids(ofMember(bureau, member)));
    }

    /** The bureau's assignments by member and start. */
    public List<Assignment> assignmentsOfBureau(String bureau) {
        return assignmentsOfBureaus(List.of(bureau)).get(bureau);
    }

    /** The assignments of each of the bureaus, by member and start: two reads however many bureaus. */
    public Map<String, List<Assignment>> assignmentsOfBureaus(Collection<String> bureaus) {
        var byBureau = new LinkedHashMap<String, List<Assignment>>();
        bureaus.forEach(b -> byBureau.put(b, new ArrayList<>()));
        assignments(assignmentKeys.ids(bureaus.stream().map(Facts::ofBureau).toList())).stream()
                .sorted(Comparator.comparing(Assignment::member).thenComparing(Assignment::from))
                .forEach(a -> byBureau.computeIfAbsent(a.bureau(), x -> new ArrayList<>())
                        .add(a));
        return byBureau;
    }

    /** The reviews of {@code year} of each bureau's first secretaries ({@code members} by bureau): one read. */
    public List<Review> reviews(Map<String, ? extends Collection<String>> members, int year) {
        var ids = new ArrayList<String>();
        members.forEach((bureau, ofBureau) -> ofBureau.forEach(member -> {
            for (int q = 1; q <= 4; q++) {
                ids.add(Review.idOf(bureau, member, year + "-Q" + q));
            }
        }));
        return ids.isEmpty() ? List.of() : ById.find(mongo, ids, Review.class, REVIEWS);
    }

    /** The evaluations of {@code year} of each bureau's first secretaries: one read. */
    public List<Evaluation> evaluations(Map<String, ? extends Collection<String>> members, int year) {
        var ids = new ArrayList<String>();
        members.forEach(
                (bureau, ofBureau) -> ofBureau.forEach(member -> ids.add(Evaluation.idOf(bureau, member, year))));
        return ids.isEmpty() ? List.of() : ById.find(mongo, ids, Evaluation.class, EVALUATIONS);
    }

    private List<Assignment> assignments(List<String> ids) {
        return ids.isEmpty() ? List.of() : ById.find(mongo, ids, Assignment.class, at(ASSIGNMENTS));
    }

    private static List<String> keysOf(String bureau, String branch, String member) {
        return List.of(ofBranch(bureau, branch), ofMember(bureau, member), ofBureau(bureau));
    }

    private static String ofBranch(String bureau, String branch) {
        return "branch:" + bureau + "/" + branch;
    }

    private static String ofMember(String bureau, String member) {
        return "member:" + bureau + "/" + member;
    }

    private static String ofBureau(String bureau) {
        return "bureau:" + bureau;
    }

    /**
     * Lists under their keys the assignments of a store from before the keys existed, once; a
     * replay lists them as it goes and calls this at its end.
     */
    public void listAssignments() {
        if (assignmentKeys.isComplete()) {
            return;
        }
        var keys = new HashMap<String, List<String>>();
        for (Assignment a : allAssignments()) {
            keysOf(a.bureau(), a.branch(), a.member())
                    .forEach(
                            k -> keys.computeIfAbsent(k, x -> new ArrayList<>()).add(a.id()));
        }
        assignmentKeys.addAll(keys);
        assignmentKeys.markComplete();
    }

    /** Every bureau with first secretaries, for the clock's yearly roll-over. */
    public List<String> bureausWithAssignments() {
        return mongo.findDistinct(new Query(), "bureau", at(ASSIGNMENTS), String.class);
    }

    public List<Assignment> allAssignments() {
        return mongo.findAll(Assignment.class, at(ASSIGNMENTS));
    }

    /**
     * Stores a revision of an activity unless a later one or a void is known; returns the revision
     * it replaced (empty if it is new), or empty and false-y via {@code stored} when ignored.
     */
    public Recorded record(ActivityLogged logged, int revision) {
        var known = mongo.findById(logged.id(), RecordedActivity.class, at(ACTIVITIES));
        if (known != null && (known.voided() || known.revision() > revision)) {
            return new Recorded(false, Optional.of(known));
        }
        var activity = of(logged, revision);
        mongo.save(activity, at(ACTIVITIES));
        if (known != null
                && known.occurredOn() != null
                && known.type() != null
                && !ledgerOf(known).equals(ledgerOf(activity))) {
            unledger(known);
        }
        mongo.upsert(
                Query.query(Criteria.where("_id").is(ledgerOf(activity))),
                new Update()
                        .set("bureau", activity.bureau())
                        .set("branch", activity.branch())
                        .set("year", activity.occurredOn().getYear())
                        .set("type", activity.type())
                        .set("entries." + activity.id(), activity),
                at(LEDGERS));
        return new Recorded(true, Optional.ofNullable(known));
    }

    private static String ledgerOf(RecordedActivity activity) {
        return Ledger.idOf(
                activity.bureau(), activity.branch(), activity.occurredOn().getYear(), activity.type());
    }

    private void unledger(RecordedActivity activity) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(ledgerOf(activity))),
                new Update().unset("entries." + activity.id()),
                at(LEDGERS));
    }

    /**
     * Stores revisions of activities as {@link #record} would one by one, in three round trips to
     * the store: the activities known before are read together, the outcome is worked out in order,
     * and the activities and ledgers are written in bulk (a batch of a topic, or a rebuild's replay).
     * Returns what {@link #record} would have returned for each revision, in order.
     */
    public List<Recorded> recordAll(List<Revision> revisions) {
        if (revisions.isEmpty()) {
            return List.of();
        }
        var outcomes = new ArrayList<Recorded>();
        var known = new HashMap<String, RecordedActivity>();
        var ids = revisions.stream().map(r -> r.activity().id()).distinct().toList();
        ById.find(mongo, ids, RecordedActivity.class, at(ACTIVITIES)).forEach(a -> known.put(a.id(), a));
        var activities = new LinkedHashMap<String, Document>();
        var ledgers = new ArrayList<WriteModel<Document>>();
        for (var r : revisions) {
            var before = known.get(r.activity().id());
            if (before != null && (before.voided() || before.revision() > r.revision())) {
                outcomes.add(new Recorded(false, Optional.of(before)));
                continue;
            }
            outcomes.add(new Recorded(true, Optional.ofNullable(before)));
            var activity = of(r.activity(), r.revision());
            known.put(activity.id(), activity);
            var document = new Document();
            mongo.getConverter().write(activity, document);
            activities.put(activity.id(), document);
            if (before != null
                    && before.occurredOn() != null
                    && before.type() != null
                    && !ledgerOf(before).equals(ledgerOf(activity))) {
                ledgers.add(new UpdateOneModel<>(
                        Filters.eq("_id", ledgerOf(before)), Updates.unset("entries." + activity.id())));
            }
            ledgers.add(new UpdateOneModel<>(
                    Filters.eq("_id", ledgerOf(activity)),
                    Updates.combine(
                            Updates.set("bureau", activity.bureau()),
                            Updates.set("branch", activity.branch()),
                            Updates.set("year", activity.occurredOn().getYear()),
                            Updates.set("type", activity.type()),
                            Updates.set("entries." + activity.id(), document)),
                    new UpdateOptions().upsert(true)));
        }
        if (!activities.isEmpty()) {
            mongo.getCollection(at(ACTIVITIES))
                    .bulkWrite(activities.entrySet().stream()
                            .<WriteModel<Document>>map(e -> new ReplaceOneModel<>(
                                    Filters.eq("_id", e.getKey()), e.getValue(), new ReplaceOptions().upsert(true)))
                            .toList());
            mongo.getCollection(at(LEDGERS)).bulkWrite(ledgers);
        }
        return outcomes;
    }

    /** A revision of an activity as an event carries it: 0 as logged, then one more per correction. */
    public record Revision(ActivityLogged activity, int revision) {}

    /** The outcome of {@link #record}: whether it was stored, and what was known before. */
    public record Recorded(boolean stored, Optional<RecordedActivity> previous) {}

    /** Marks an activity voided, even before it is known; returns what was known of it. */
    public Optional<RecordedActivity> voidActivity(String id, String bureau, String branch) {
        var known = mongo.findById(id, RecordedActivity.class, at(ACTIVITIES));
        mongo.upsert(
                Query.query(Criteria.where("_id").is(id)),
                new Update()
                        .set("voided", true)
                        .setOnInsert("bureau", bureau)
                        .setOnInsert("branch", branch)
                        .setOnInsert("revision", 0),
                at(ACTIVITIES));
        if (known != null && known.occurredOn() != null && known.type() != null) {
            unledger(known);
        }
        return Optional.ofNullable(known);
    }

    @Override
    public List<RecordedActivity> activities(
            String bureau, String branch, Collection<String> types, LocalDate from, LocalDate to) {
        return activities(this::ledger, bureau, branch, types, from, to);
    }

    private Optional<Ledger> ledger(String id) {
        return Optional.ofNullable(mongo.findById(id, Ledger.class, at(LEDGERS)));
    }

    private static List<RecordedActivity> activities(
            Function<String, Optional<Ledger>> ledgers,
            String bureau,
            String branch,
            Collection<String> types,
            LocalDate from,
            LocalDate to) {
        var activities = new ArrayList<RecordedActivity>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (String type : new TreeSet<>(types)) {
                var ledger =
                        ledgers.apply(Ledger.idOf(bureau, branch, year, type)).orElse(null);
                if (ledger != null && ledger.entries() != null) {
                    ledger.entries().values().stream()
                            .filter(a -> !a.voided() && a.type() != null)
                            .filter(a -> !a.occurredOn().isBefore(from)
                                    && !a.occurredOn().isAfter(to))
                            .forEach(activities::add);
                }
            }
        }
        activities.sort(BY_DAY);
        return activities;
    }

    /** The bureau's standing activities that occurred in {@code [from, to]}. */
    public List<RecordedActivity> activitiesOfBureau(String bureau, LocalDate from, LocalDate to) {
        var activities = new ArrayList<RecordedActivity>();
        var ledgers = Query.query(Criteria.where("bureau")
                .is(bureau)
                .and("year")
                .gte(from.getYear())
                .lte(to.getYear()));
        for (Ledger ledger : mongo.find(ledgers, Ledger.class, at(LEDGERS))) {
            if (ledger.entries() != null) {
                ledger.entries().values().stream()
                        .filter(a -> !a.voided() && a.type() != null)
                        .filter(a -> !a.occurredOn().isBefore(from)
                                && !a.occurredOn().isAfter(to))
                        .forEach(activities::add);
            }
        }
        activities.sort(BY_DAY);
        return activities;
    }

    private static final Comparator<RecordedActivity> BY_DAY =
            Comparator.comparing(RecordedActivity::occurredOn).thenComparing(RecordedActivity::id);

    public void saveWaiver(Waiver waiver) {
        mongo.save(waiver, WAIVERS);
    }

    /** Every waiver of the office, by obligation id. */
    public Map<String, Waiver> allWaivers() {
        var waivers = new HashMap<String, Waiver>();
        mongo.findAll(Waiver.class, WAIVERS).forEach(w -> waivers.put(w.obligation(), w));
        return waivers;
    }

    /** The office's waivers of obligations owed per {@code scopeKey}, by obligation id. */
    public Map<String, Waiver> waivers(String scopeKey) {
        var waivers = new HashMap<String, Waiver>();
        mongo.find(Query.query(Criteria.where("scopeKey").is(scopeKey)), Waiver.class, WAIVERS)
                .forEach(w -> waivers.put(w.obligation(), w));
        return waivers;
    }

    @Override
    public Optional<Review> review(String bureau, String assignee, String quarter) {
        return Optional.ofNullable(mongo.findById(Review.idOf(bureau, assignee, quarter), Review.class, REVIEWS));
    }

    /** The bureau's reviews of {@code year}: those of its first secretaries' quarters, found by id. */
    public List<Review> reviews(String bureau, int year) {
        return reviews(Map.of(bureau, firstSecretaries(bureau)), year);
    }

    /** Whoever was ever first secretary in the bureau: only they are reviewed and evaluated. */
    private List<String> firstSecretaries(String bureau) {
        return assignmentsOfBureau(bureau).stream()
                .map(Assignment::member)
                .distinct()
                .toList();
    }

    public Optional<Evaluation> evaluation(String bureau, String assignee, int year) {
        return Optional.ofNullable(
                mongo.findById(Evaluation.idOf(bureau, assignee, year), Evaluation.class, EVALUATIONS));
    }

    /** The bureau's evaluations of {@code year}, found by id. */
    public List<Evaluation> evaluations(String bureau, int year) {
        return evaluations(Map.of(bureau, firstSecretaries(bureau)), year);
    }

    @Override
    public Optional<FiledReport> filedReport(String bureau, String month) {
        return Optional.ofNullable(mongo.findById(FiledReport.idOf(bureau, month), FiledReport.class, REPORTS));
    }

    private static RecordedActivity of(ActivityLogged logged, int revision) {
        return new RecordedActivity(
                logged.id(),
                logged.bureau(),
                logged.type(),
                logged.branch(),
                logged.actor(),
                logged.occurredOn(),
                logged.loggedAt(),
                logged.title(),
                Stream.of(logged.participants(), logged.audience())
                        .filter(Objects::nonNull)
                        .flatMap(List::stream)
                        .distinct()
                        .toList(),
                logged.lecturer(),
                logged.attendees(),
                logged.promotionLevel(),
                logged.commitmentItems() == null
                        ? List.of()
                        : logged.commitmentItems().stream()
                                .map(ActivityLogged.CommitmentItem::code)
                                .toList(),
                logged.itemOutcomes() == null
                        ? List.of()
                        : logged.itemOutcomes().stream()
                                .map(o -> new RecordedActivity.Outcome(o.item(), o.outcome()))
                                .toList(),
                revision,
                false);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
