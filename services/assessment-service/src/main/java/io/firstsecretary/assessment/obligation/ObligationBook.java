package io.firstsecretary.assessment.obligation;

import io.firstsecretary.assessment.catalogue.Duty;
import io.firstsecretary.assessment.catalogue.DutyCatalogue;
import io.firstsecretary.assessment.period.Period;
import io.firstsecretary.contracts.EventType;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.activity.ActivityCorrected;
import io.firstsecretary.contracts.activity.ActivityLogged;
import io.firstsecretary.contracts.activity.ActivityVoided;
import io.firstsecretary.contracts.assessment.ObligationFulfilled;
import io.firstsecretary.contracts.assessment.ObligationOpened;
import io.firstsecretary.contracts.assessment.ObligationReopened;
import io.firstsecretary.contracts.assessment.ObligationWaived;
import io.firstsecretary.contracts.organisation.FirstSecretaryAssigned;
import io.firstsecretary.contracts.organisation.FirstSecretaryRelieved;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.outbox.OutboxEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Opens obligations for first-secretary assignments and fulfils them from activities. Both paths
 * are idempotent and order-independent: obligation ids derive from assignment, duty and period,
 * evidence is a set, and the OPEN→MET transition (with its event) happens at most once.
 */
@Service
public class ObligationBook {

    static final String OBLIGATIONS = "obligations";
    static final String ACTIVITIES = "activities";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final DutyCatalogue catalogue;
    private final Clock clock;

    ObligationBook(MongoTemplate mongo, Outbox outbox, DutyCatalogue catalogue, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Opens the current year's obligations of an assignment, each matched against known activities. */
    public void open(FirstSecretaryAssigned assignment) {
        int year = LocalDate.now(clock).getYear();
        LocalDate from = max(assignment.from(), LocalDate.of(year, 1, 1));
        LocalDate to =
                assignment.to() == null ? LocalDate.of(year, 12, 31) : min(assignment.to(), LocalDate.of(year, 12, 31));
        for (Duty duty : catalogue.duties()) {
            for (Period period : Period.overlapping(duty.cadence(), from, to)) {
                var obligation = new Obligation(
                        idOf(assignment.assignment(), duty.code(), period),
                        assignment.bureau(),
                        assignment.bureauPath(),
                        duty.code(),
                        period.toString(),
                        assignment.member(),
                        assignment.branch(),
                        assignment.assignment(),
                        max(period.start(), from),
                        min(period.end(), to),
                        duty.dueOn(period),
                        ObligationStatus.OPEN,
                        List.of());
                var opened = eventOf(
                        Events.OBLIGATION_OPENED,
                        obligation,
                        new ObligationOpened(
                                obligation.id(),
                                obligation.bureau(),
                                obligation.bureauPath(),
                                obligation.duty(),
                                obligation.period(),
                                obligation.assignee(),
                                obligation.branch(),
                                obligation.dueOn()));
                outbox.insertIfAbsent(OBLIGATIONS, obligation.id(), obligation, List.of(opened));
                evidenceFor(obligation).forEach(activity -> fulfil(obligation.id(), activity));
            }
        }
    }

    /**
     * A term ended early: open obligations falling due after the new end are waived (with an event,
     * once), since the successor's assignment owes those periods; the others keep only the part of
     * their window inside the term.
     */
    public void relieve(FirstSecretaryRelieved relieved) {
        var ofAssignment = Query.query(Criteria.where("assignment").is(relieved.assignment()));
        for (Obligation obligation : mongo.find(ofAssignment, Obligation.class, OBLIGATIONS)) {
            if (obligation.dueOn().isAfter(relieved.to())) {
                var waived = eventOf(
                        Events.OBLIGATION_WAIVED,
                        obligation,
                        new ObligationWaived(
                                obligation.id(),
                                obligation.bureau(),
                                obligation.bureauPath(),
                                obligation.duty(),
                                obligation.period(),
                                obligation.assignee(),
                                obligation.branch(),
                                obligation.dueOn(),
                                "ASSIGNMENT_ENDED"));
                outbox.update(
                        OBLIGATIONS,
                        Query.query(Criteria.where("_id")
                                .is(obligation.id())
                                .and("status")
                                .is(ObligationStatus.OPEN.name())),
                        new Update().set("status", ObligationStatus.WAIVED.name()),
                        List.of(waived));
            } else if (obligation.windowEnd().isAfter(relieved.to())) {
                mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(obligation.id())),
                        new Update().set("windowEnd", relieved.to()),
                        OBLIGATIONS);
            }
        }
    }

    /** Records an activity and fulfils every obligation it is evidence for. */
    public void record(ActivityLogged logged) {
        record(logged, 0);
    }

    /**
     * A record was corrected: it stops being evidence where it no longer fits (reopening what it
     * alone had met) and becomes evidence wherever it now fits. An older revision arriving late is
     * ignored.
     */
    public void correct(ActivityCorrected corrected) {
        if (record(corrected.activity(), corrected.revision())) {
            var activity = mongo.findById(corrected.id(), RecordedActivity.class, ACTIVITIES);
            withdraw(corrected.id(), o -> !fits(activity, o), "EVIDENCE_CORRECTED");
        }
    }

    /** A record was voided: it is evidence of nothing any more, and what it alone met is owed again. */
    public void voided(ActivityVoided voided) {
        mongo.upsert(
                Query.query(Criteria.where("_id").is(voided.id())),
                new Update().set("voided", true).set("bureau", voided.bureau()),
                ACTIVITIES);
        withdraw(voided.id(), o -> true, "EVIDENCE_VOIDED");
    }

    private boolean fits(RecordedActivity activity, Obligation obligation) {
        return catalogue.fulfilledBy(activity.type()).stream()
                .filter(d -> d.code().equals(obligation.duty()))
                .anyMatch(d -> activity.branch().equals(obligation.branch())
                        && activity.creditedFor(d).contains(obligation.assignee())
                        && !activity.occurredOn().isBefore(obligation.windowStart())
                        && !activity.occurredOn().isAfter(obligation.windowEnd()));
    }

    /**
     * Takes the activity out of the evidence of the obligations {@code from} selects, then reopens
     * every met obligation of those left without evidence. The reopening also covers obligations
     * whose evidence an interrupted earlier run removed, so redelivery completes it.
     */
    private void withdraw(String activityId, java.util.function.Predicate<Obligation> from, String reason) {
        var citing = Query.query(Criteria.where("evidence").is(activityId));
        for (Obligation obligation : mongo.find(citing, Obligation.class, OBLIGATIONS)) {
            if (from.test(obligation)) {
                mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(obligation.id())),
                        new Update().pull("evidence", activityId),
                        OBLIGATIONS);
            }
        }
        var bare = Query.query(Criteria.where("status")
                .is(ObligationStatus.MET.name())
                .and("evidence")
                .size(0));
        for (Obligation obligation : mongo.find(bare, Obligation.class, OBLIGATIONS)) {
            var reopened = eventOf(
                    Events.OBLIGATION_REOPENED,
                    obligation,
                    new ObligationReopened(
                            obligation.id(),
                            obligation.bureau(),
                            obligation.bureauPath(),
                            obligation.duty(),
                            obligation.period(),
                            obligation.assignee(),
                            obligation.branch(),
                            obligation.dueOn(),
                            reason,
                            List.of()));
            outbox.update(
                    OBLIGATIONS,
                    Query.query(Criteria.where("_id")
                            .is(obligation.id())
                            .and("status")
                            .is(ObligationStatus.MET.name())
                            .and("evidence")
                            .size(0)),
                    new Update().set("status", ObligationStatus.OPEN.name()),
                    List.of(reopened));
        }
    }

    /** Stores a revision of an activity and matches it; false if a newer revision or a void is known. */
    private boolean record(ActivityLogged logged, int revision) {
        var known = mongo.findById(logged.id(), RecordedActivity.class, ACTIVITIES);
        if (known != null && (known.isVoided() || known.revisionNumber() > revision)) {
            return false;
        }
        var activity = new RecordedActivity(
                logged.id(),
                logged.bureau(),
                logged.type(),
                logged.branch(),
                logged.actor(),
                logged.occurredOn(),
                logged.lecturer(),
                logged.attendees(),
                revision,
                false);
        mongo.save(activity, ACTIVITIES);
        for (Duty duty : catalogue.fulfilledBy(activity.type())) {
            var candidates = Query.query(Criteria.where("bureau")
                    .is(activity.bureau())
                    .and("branch")
                    .is(activity.branch())
                    .and("assignee")
                    .in(activity.creditedFor(duty))
                    .and("duty")
                    .is(duty.code())
                    .and("windowStart")
                    .lte(activity.occurredOn())
                    .and("windowEnd")
                    .gte(activity.occurredOn()));
            mongo.find(candidates, Obligation.class, OBLIGATIONS).forEach(o -> fulfil(o.id(), activity));
        }
        return true;
    }

    private List<RecordedActivity> evidenceFor(Obligation obligation) {
        Duty duty = catalogue.duties().stream()
                .filter(d -> d.code().equals(obligation.duty()))
                .findFirst()
                .orElseThrow();
        var query = Query.query(Criteria.where("bureau")
                .is(obligation.bureau())
                .and("branch")
                .is(obligation.branch())
                .and("type")
                .is(duty.fulfilledBy())
                .and("occurredOn")
                .gte(obligation.windowStart())
                .lte(obligation.windowEnd()));
        return mongo.find(query, RecordedActivity.class, ACTIVITIES).stream()
                .filter(a -> !a.isVoided())
                .filter(a -> a.creditedFor(duty).contains(obligation.assignee()))
                .toList();
    }

    private void fulfil(String obligationId, RecordedActivity activity) {
        var obligation = mongo.findById(obligationId, Obligation.class, OBLIGATIONS);
        if (obligation == null) {
            return;
        }
        var met = eventOf(
                Events.OBLIGATION_FULFILLED,
                obligation,
                new ObligationFulfilled(
                        obligation.id(),
                        obligation.bureau(),
                        obligation.bureauPath(),
                        obligation.duty(),
                        obligation.period(),
                        obligation.assignee(),
                        obligation.branch(),
                        obligation.dueOn(),
                        ObligationStatus.MET.name(),
                        List.of(activity.id())));
        var transition = outbox.update(
                OBLIGATIONS,
                Query.query(Criteria.where("_id").is(obligationId).and("status").is(ObligationStatus.OPEN.name())),
                new Update().set("status", ObligationStatus.MET.name()).addToSet("evidence", activity.id()),
                List.of(met));
        if (transition.getModifiedCount() == 0) {
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(obligationId)),
                    new Update().addToSet("evidence", activity.id()),
                    OBLIGATIONS);
        }
    }

    private <T> OutboxEvent eventOf(EventType<T> type, Obligation obligation, T payload) {
        return outbox.event(
                type,
                obligation.id(),
                "bureaus/" + obligation.bureau() + "/obligations/" + obligation.id(),
                obligation.bureau(),
                obligation.bureauPath(),
                payload);
    }

    static String idOf(String assignment, String duty, Period period) {
        return UUID.nameUUIDFromBytes((assignment + "|" + duty + "|" + period).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
