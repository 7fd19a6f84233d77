package io.firstsecretary.assessment.obligation;

import io.firstsecretary.assessment.catalogue.CatalogueChanged;
import io.firstsecretary.assessment.catalogue.Catalogues;
import io.firstsecretary.assessment.catalogue.DutyCatalogue;
import io.firstsecretary.assessment.facts.Assignment;
import io.firstsecretary.assessment.facts.Bureau;
import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.period.Period;
import io.firstsecretary.contracts.EventType;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.assessment.ObligationFulfilled;
import io.firstsecretary.contracts.assessment.ObligationOpened;
import io.firstsecretary.contracts.assessment.ObligationOverdue;
import io.firstsecretary.contracts.assessment.ObligationReopened;
import io.firstsecretary.contracts.assessment.ObligationWaived;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.outbox.OutboxEvent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger log = LoggerFactory.getLogger(ObligationBook.class);
    private static final int ATTEMPTS = 20;

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Facts facts;
    private final Catalogues catalogues;
    private final Clock clock;

    ObligationBook(MongoTemplate mongo, Outbox outbox, Facts facts, Catalogues catalogues, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.facts = facts;
        this.catalogues = catalogues;
        this.clock = clock;
    }

    /** Why obligations are being recomputed; decides the reason a reopened obligation gives. */
    public enum Cause {
        EVIDENCE_VOIDED,
        EVIDENCE_CORRECTED,
        REQUIREMENTS_CHANGED
    }

    /** Recomputes every obligation of an assignment, over every year of its term up to this one. */
    public void recomputeAssignment(String assignmentId, Cause cause) {
        facts.assignment(assignmentId).ifPresent(a -> {
            var catalogueOn = catalogues.forBureau(a.bureauPath());
            retrying(() -> reconcile(a.id(), owedBy(a, catalogueOn), cause));
            recomputeBureau(a.bureau(), a.bureauPath());
        });
    }

    /** Recomputes what a branch's first secretaries and (with the branch section on) the branch owe. */
    public void recomputeBranch(String bureau, String branch, Cause cause) {
        for (Assignment a : facts.assignmentsOfBranch(bureau, branch)) {
            recomputeAssignment(a.id(), cause);
        }
        facts.bureau(bureau).ifPresent(b -> {
            var catalogueOn = catalogues.forBureau(b.path());
            var owed = new ArrayList<Owed>();
            for (int year : years(LocalDate.of(today().getYear(), 1, 1), null)) {
                owed.addAll(ObligationRules.owedByBranch(bureau, b.path(), branch, year, catalogueOn));
            }
            retrying(() -> reconcile("branch:" + bureau + "/" + branch, owed, cause));
        });
    }

    /** Recomputes the obligations of every assignment a member holds in a bureau. */
    public void recomputeMember(String bureau, String member, Cause cause) {
        facts.assignmentsOf(bureau, member).forEach(a -> recomputeAssignment(a.id(), cause));
    }

    /** Recomputes the bureau's own duties for this year (每月局务会专题汇报). */
    public void recomputeBureau(String bureau, List<String> path) {
        var owed = ObligationRules.owedByBureau(bureau, path, today().getYear(), catalogues.forBureau(path));
        retrying(() -> reconcile("bureau:" + bureau, owed, Cause.REQUIREMENTS_CHANGED));
    }

    /** Recomputes everything a bureau and the bureaus below it owe, e.g. after a catalogue change. */
    @EventListener
    public void onCatalogueChanged(CatalogueChanged changed) {
        recomputeSubtree(changed.bureau());
    }

    public int recomputeSubtree(String bureau) {
        var bureaus = new ArrayList<>(facts.subtree(bureau));
        if (bureaus.stream().noneMatch(b -> b.code().equals(bureau))) {
            // known only from its assignments so far
            facts.assignmentsOfBureau(bureau).stream()
                    .findFirst()
                    .ifPresent(a -> bureaus.add(new Bureau(bureau, bureau, null, a.bureauPath())));
        }
        int assignments = 0;
        for (Bureau b : bureaus) {
            recomputeBureau(b.code(), b.path());
            for (Assignment a : facts.assignmentsOfBureau(b.code())) {
                recomputeAssignment(a.id(), Cause.REQUIREMENTS_CHANGED);
                assignments++;
            }
            for (var branch : facts.branches(b.code())) {
                if (!branch.dissolved()) {
                    recomputeBranch(b.code(), branch.code(), Cause.REQUIREMENTS_CHANGED);
                }
            }
        }
        log.info(
                "Recomputed the obligations of {} bureaus and {} assignments under {}",
                bureaus.size(),
                assignments,
                bureau);
        return assignments;
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
        for (Obligation o : mongo.find(due, Obligation.class, OBLIGATIONS)) {
            var result = outbox.update(
                    OBLIGATIONS,
                    expecting(o),
                    new Update().set("status", ObligationStatus.OVERDUE.name()).inc("revision", 1),
                    List.of(overdue(o)));
            overdue += (int) result.getModifiedCount();
        }
        int year = today.getYear();
        for (Assignment a : facts.allAssignments()) {
            if ((a.to() == null || a.to().getYear() >= year) && !a.from().isAfter(today)) {
                var opened = Query.query(
                        Criteria.where("scopeKey").is(a.id()).and("period").regex("^" + year));
                if (!mongo.exists(opened, OBLIGATIONS)) {
                    recomputeAssignment(a.id(), Cause.REQUIREMENTS_CHANGED);
                }
            }
        }
        return overdue;
    }

    /** The party-building office waives an obligation with a reason; an event announces it. */
    public Optional<ObligationView> waive(String bureau, String id, String note, String by) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var o = mongo.findById(id, Obligation.class, OBLIGATIONS);
            if (o == null || !o.bureau().equals(bureau)) {
                return Optional.empty();
            }
            if (o.status() == ObligationStatus.WAIVED) {
                return Optional.of(ObligationView.of(o));
            }
            var waiver = new Obligation.Waiver("WAIVED_BY_OFFICE", note, by, clock.instant());
            var result = outbox.update(
                    OBLIGATIONS,
                    expecting(o),
                    new Update()
                            .set("status", ObligationStatus.WAIVED.name())
                            .set("waiver", waiver)
                            .inc("revision", 1),
                    List.of(waived(o, waiver)));
            if (result.getModifiedCount() == 1) {
                return Optional.ofNullable(mongo.findById(id, Obligation.class, OBLIGATIONS))
                        .map(ObligationView::of);
            }
        }
        throw new IllegalStateException("Obligation " + id + " kept changing while being waived");
    }

    private List<Owed> owedBy(Assignment a, Function<LocalDate, Optional<DutyCatalogue>> catalogueOn) {
        var owed = new ArrayList<Owed>();
        for (int year : years(a.from(), a.to())) {
            owed.addAll(ObligationRules.owedBy(a, year, catalogueOn));
        }
        return owed;
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

    /** Brings the stored obligations of {@code scopeKey} to what is owed; false if a write raced. */
    private boolean reconcile(String scopeKey, List<Owed> owed, Cause cause) {
        LocalDate today = today();
        Map<String, Obligation> stored = new HashMap<>();
        mongo.find(Query.query(Criteria.where("scopeKey").is(scopeKey)), Obligation.class, OBLIGATIONS)
                .forEach(o -> stored.put(o.id(), o));
        for (Owed o : owed) {
            var assessed = ObligationRules.assess(o, facts);
            if (!write(stored.remove(o.id()), assessed, today, cause)) {
                return false;
            }
        }
        for (Obligation gone : stored.values()) {
            if (gone.status() != ObligationStatus.WAIVED) {
                var waiver = new Obligation.Waiver("PERIOD_NOT_COVERED", null, null, clock.instant());
                var result = outbox.update(
                        OBLIGATIONS,
                        expecting(gone),
                        new Update()
                                .set("status", ObligationStatus.WAIVED.name())
                                .set("waiver", waiver)
                                .inc("revision", 1),
                        List.of(waived(gone, waiver)));
                if (result.getModifiedCount() == 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean write(Obligation before, Assessed assessed, LocalDate today, Cause cause) {
        Owed o = assessed.owed();
        boolean officeWaiver =
                before != null && before.waiver() != null && before.waiver().by() != null;
        ObligationStatus status = officeWaiver ? ObligationStatus.WAIVED : assessed.statusOn(today);
        var after = new Obligation(
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
                officeWaiver ? before.waiver() : null,
                before == null ? 0 : before.revision() + 1);
        if (before == null) {
            var events = new ArrayList<OutboxEvent>();
            events.add(opened(after));
            events.addAll(transition(ObligationStatus.OPEN, after, cause));
            return outbox.insertIfAbsent(OBLIGATIONS, after.id(), after, events);
        }
        if (sameState(before, after)) {
            return true;
        }
        var events = new ArrayList<OutboxEvent>();
        if (before.status() == ObligationStatus.WAIVED && status != ObligationStatus.WAIVED) {
            events.add(opened(after));
            events.addAll(transition(ObligationStatus.OPEN, after, cause));
        } else {
            events.addAll(transition(before.status(), after, cause));
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
                .inc("revision", 1);
        return outbox.update(OBLIGATIONS, expecting(before), update, events).getModifiedCount() == 1;
    }

    private List<OutboxEvent> transition(ObligationStatus from, Obligation to, Cause cause) {
        var events = new ArrayList<OutboxEvent>();
        if (!from.met() && to.status().met()) {
            events.add(fulfilled(to));
        } else if (from.met() && !to.status().met() && to.status() != ObligationStatus.WAIVED) {
            events.add(reopened(to, cause));
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

    private static Query expecting(Obligation o) {
        return Query.query(Criteria.where("_id").is(o.id()).and("revision").is(o.revision()));
    }

    private void retrying(java.util.function.BooleanSupplier attempt) {
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

    private OutboxEvent reopened(Obligation o, Cause cause) {
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
                        cause.name(),
                        o.evidence()));
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
