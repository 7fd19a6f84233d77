package io.firstsecretary.notification.reminder;

import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.assessment.ObligationOpened;
import io.firstsecretary.contracts.assessment.ObligationReopened;
import io.firstsecretary.contracts.assessment.ObligationRescheduled;
import io.firstsecretary.contracts.notification.ReminderCancelled;
import io.firstsecretary.contracts.notification.ReminderScheduled;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.notification.policy.ReminderPolicies;
import io.firstsecretary.notification.policy.ReminderPolicyChanged;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The persisted schedule of reminders. Reminder ids derive from obligation, stage and offset, and a
 * fulfilled or waived obligation is remembered, so redelivered or late events never schedule twice or revive
 * a cancelled reminder.
 */
@Service
class ReminderBook {

    static final String REMINDERS = "reminders";
    static final String FULFILLED = "fulfilledObligations";
    static final String KNOWN = "obligations";
    static final List<Channel> DEFAULT_CHANNELS = List.of(Channel.EMAIL, Channel.INBOX);

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;
    private final ReminderPolicies policies;

    ReminderBook(MongoTemplate mongo, Outbox outbox, Clock clock, ReminderPolicies policies) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
        this.policies = policies;
    }

    /**
     * An open obligation's due day moved: its reminders are {@linkplain #align aligned} with the new
     * day (reason {@code DUE_DATE_MOVED} for those withdrawn).
     */
    void moveDueSoon(ObligationRescheduled obligation) {
        scheduleDueSoon(new ObligationOpened(
                obligation.id(),
                obligation.bureau(),
                obligation.bureauPath(),
                obligation.duty(),
                obligation.period(),
                obligation.assignee(),
                obligation.branch(),
                obligation.dueOn(),
                obligation.owedBy()));
    }

    /**
     * Remembers an open obligation the first secretary owes and aligns its reminders with its due day
     * (reason {@code DUE_DATE_MOVED} for those withdrawn).
     */
    void scheduleDueSoon(ObligationOpened obligation) {
        if (!owedByItsAssignee(obligation)
                || mongo.exists(Query.query(Criteria.where("_id").is(obligation.id())), FULFILLED)) {
            return;
        }
        var known = new KnownObligation(
                obligation.id(),
                obligation.bureau(),
                obligation.bureauPath(),
                obligation.duty(),
                obligation.period(),
                obligation.assignee(),
                obligation.branch(),
                obligation.dueOn());
        mongo.save(known, KNOWN);
        align(known, "DUE_DATE_MOVED");
    }

    /** The bureau's policy changed: every open obligation's reminders follow it (reason {@code POLICY_CHANGED}). */
    @EventListener
    void onPolicyChanged(ReminderPolicyChanged changed) {
        for (var known :
                mongo.find(Query.query(Criteria.where("bureau").is(changed.bureau())), KnownObligation.class, KNOWN)) {
            if (!mongo.exists(Query.query(Criteria.where("_id").is(known.id())), FULFILLED)) {
                align(known, "POLICY_CHANGED");
            }
        }
    }

    /**
     * Brings an open obligation's scheduled {@code DUE_SOON} reminders in line with its due day and
     * the bureau's policy: each moves to its time under them, or is cancelled with {@code reason} if
     * the policy no longer has it or its time has passed; reminders now ahead that are missing are
     * added. Sent and cancelled reminders are left as they are.
     */
    private void align(KnownObligation obligation, String reason) {
        var ahead = DueSoonSchedule.remindersFor(policies.of(obligation.bureau()), obligation.dueOn(), clock);
        var scheduled = Query.query(Criteria.where("obligation")
                .is(obligation.id())
                .and("stage")
                .is(ReminderStage.DUE_SOON.name())
                .and("status")
                .is(ReminderStatus.SCHEDULED.name()));
        for (Reminder reminder : mongo.find(scheduled, Reminder.class, REMINDERS)) {
            var pending = Query.query(
                    Criteria.where("_id").is(reminder.id()).and("status").is(ReminderStatus.SCHEDULED.name()));
            var moved = ahead.stream()
                    .filter(r -> idOf(obligation.id(), r.daysBefore()).equals(reminder.id()))
                    .findFirst();
            if (moved.isEmpty()) {
                outbox.update(
                        REMINDERS,
                        pending,
                        new Update().set("status", ReminderStatus.CANCELLED.name()),
                        List.of(cancelled(reminder, reason)));
            } else if (!moved.get().at().equals(reminder.scheduledFor())) {
                outbox.update(
                        REMINDERS,
                        pending,
                        new Update().set("scheduledFor", moved.get().at()),
                        List.of(scheduled(reminder.movedTo(moved.get().at()))));
            }
        }
        for (var reminding : ahead) {
            var reminder = new Reminder(
                    idOf(obligation.id(), reminding.daysBefore()),
                    obligation.bureau(),
                    obligation.bureauPath(),
                    obligation.id(),
                    obligation.assignee(),
                    obligation.duty(),
                    obligation.period(),
                    ReminderStage.DUE_SOON,
                    reminding.at(),
                    ReminderStatus.SCHEDULED,
                    DEFAULT_CHANNELS);
            outbox.insertIfAbsent(REMINDERS, reminder.id(), reminder, List.of(scheduled(reminder)));
        }
    }

    /**
     * Reminders go to the first secretary who owes the work; duties the bureau owes (its quarterly
     * review of a first secretary, the monthly report) or a branch owes are not theirs to be reminded of.
     */
    private static boolean owedByItsAssignee(ObligationOpened obligation) {
        return obligation.assignee() != null
                && (obligation.owedBy() == null || obligation.owedBy().equals("FIRST_SECRETARY"));
    }

    /**
     * An obligation is owed again (its evidence was voided): its cancelled reminders still ahead
     * are scheduled again, and any missing ones are added.
     */
    void reschedule(ObligationReopened obligation) {
        mongo.remove(Query.query(Criteria.where("_id").is(obligation.id())), FULFILLED);
        var cancelled = Query.query(Criteria.where("obligation")
                .is(obligation.id())
                .and("status")
                .is(ReminderStatus.CANCELLED.name())
                .and("scheduledFor")
                .gt(clock.instant()));
        for (Reminder reminder : mongo.find(cancelled, Reminder.class, REMINDERS)) {
            outbox.update(
                    REMINDERS,
                    Query.query(Criteria.where("_id")
                            .is(reminder.id())
                            .and("status")
                            .is(ReminderStatus.CANCELLED.name())),
                    new Update().set("status", ReminderStatus.SCHEDULED.name()),
                    List.of(scheduled(reminder)));
        }
        if (!mongo.exists(Query.query(Criteria.where("obligation").is(obligation.id())), REMINDERS)) {
            return; // never reminded of: not the assignee's to do, or due before reminders began
        }
        scheduleDueSoon(new ObligationOpened(
                obligation.id(),
                obligation.bureau(),
                obligation.bureauPath(),
                obligation.duty(),
                obligation.period(),
                obligation.assignee(),
                obligation.branch(),
                obligation.dueOn()));
    }

    private io.firstsecretary.kit.outbox.OutboxEvent scheduled(Reminder reminder) {
        return outbox.event(
                Events.REMINDER_SCHEDULED,
                reminder.id(),
                "bureaus/" + reminder.bureau() + "/reminders/" + reminder.id(),
                reminder.bureau(),
                reminder.bureauPath(),
                new ReminderScheduled(
                        reminder.id(),
                        reminder.bureau(),
                        reminder.bureauPath(),
                        reminder.obligation(),
                        reminder.recipient(),
                        reminder.duty(),
                        reminder.period(),
                        reminder.stage().name(),
                        reminder.scheduledFor(),
                        reminder.channels().stream().map(Enum::name).toList()));
    }

    /** Remembers the obligation as no longer owed and cancels its pending reminders. */
    void cancelFor(String obligationId, String bureau, String status, String reason) {
        mongo.upsert(
                Query.query(Criteria.where("_id").is(obligationId)),
                new Update().set("bureau", bureau).set("status", status),
                FULFILLED);
        var pending = Query.query(
                Criteria.where("obligation").is(obligationId).and("status").is(ReminderStatus.SCHEDULED.name()));
        for (Reminder reminder : mongo.find(pending, Reminder.class, REMINDERS)) {
            outbox.update(
                    REMINDERS,
                    Query.query(Criteria.where("_id")
                            .is(reminder.id())
                            .and("status")
                            .is(ReminderStatus.SCHEDULED.name())),
                    new Update().set("status", ReminderStatus.CANCELLED.name()),
                    List.of(cancelled(reminder, reason)));
        }
    }

    private io.firstsecretary.kit.outbox.OutboxEvent cancelled(Reminder reminder, String reason) {
        return outbox.event(
                Events.REMINDER_CANCELLED,
                reminder.id(),
                "bureaus/" + reminder.bureau() + "/reminders/" + reminder.id(),
                reminder.bureau(),
                reminder.bureauPath(),
                new ReminderCancelled(
                        reminder.id(),
                        reminder.bureau(),
                        reminder.bureauPath(),
                        reminder.obligation(),
                        reminder.recipient(),
                        reason));
    }

    static String idOf(String obligation, int daysBefore) {
        return UUID.nameUUIDFromBytes((obligation + "|DUE_SOON|" + daysBefore).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
