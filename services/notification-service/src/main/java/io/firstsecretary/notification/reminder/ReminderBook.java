package io.firstsecretary.notification.reminder;

import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.assessment.ObligationOpened;
import io.firstsecretary.contracts.assessment.ObligationOverdue;
import io.firstsecretary.contracts.assessment.ObligationReopened;
import io.firstsecretary.contracts.assessment.ObligationRescheduled;
import io.firstsecretary.contracts.notification.ReminderCancelled;
import io.firstsecretary.contracts.notification.ReminderScheduled;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.outbox.OutboxEvent;
import io.firstsecretary.notification.directory.Directory;
import io.firstsecretary.notification.directory.Person;
import io.firstsecretary.notification.policy.ReminderPolicies;
import io.firstsecretary.notification.policy.ReminderPolicy;
import io.firstsecretary.notification.policy.ReminderPolicyChanged;
import io.firstsecretary.notification.preference.Channel;
import io.firstsecretary.notification.preference.Preferences;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The persisted schedule of reminders. Reminder ids derive from what they are about, their stage and
 * their recipient or offset, and a closed obligation is remembered, so redelivered or late events
 * never schedule twice or revive a cancelled reminder.
 */
@Service
public class ReminderBook {

    public static final String REMINDERS = "reminders";
    public static final String KNOWN = "obligations";

    /**
     * Work that fell due longer ago than this is history: replayed or backfilled events about it
     * remind nobody.
     */
    public static final Duration STALE = Duration.ofDays(7);

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;
    private final ReminderPolicies policies;
    private final Preferences preferences;
    private final Directory directory;

    ReminderBook(
            MongoTemplate mongo,
            Outbox outbox,
            Clock clock,
            ReminderPolicies policies,
            Preferences preferences,
            Directory directory) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
        this.policies = policies;
        this.preferences = preferences;
        this.directory = directory;
    }

    /** Puts a reminder on the schedule unless one with its id exists; true if it was added. */
    public boolean schedule(Reminder reminder) {
        return outbox.insertIfAbsent(REMINDERS, reminder.id(), reminder, List.of(scheduled(reminder)));
    }

    /** Schedules a reminder about an obligation and records it on the obligation. */
    private void scheduleAbout(Reminder reminder) {
        mongo.upsert(
                Query.query(Criteria.where("_id").is(reminder.obligation())),
                new Update().addToSet("reminders", reminder.id()),
                KNOWN);
        schedule(reminder);
    }

    private List<Reminder> remindersOf(KnownObligation obligation) {
        var reminders = new ArrayList<Reminder>();
        for (String id : obligation.reminderIds()) {
            var reminder = mongo.findById(id, Reminder.class, REMINDERS);
            if (reminder != null) {
                reminders.add(reminder);
            }
        }
        return reminders;
    }

    /** Cancels the reminders matching {@code criteria} that are still to be sent, with {@code reason}. */
    public void cancelWhere(Criteria criteria, String reason) {
        var pending = Query.query(criteria.and("status").is(ReminderStatus.SCHEDULED.name()));
        for (Reminder reminder : mongo.find(pending, Reminder.class, REMINDERS)) {
            cancel(reminder, reason);
        }
    }

    /** The member's channels under their current preferences. */
    public List<Channel> channelsOf(String bureau, String member) {
        return preferences.of(bureau, member).channels();
    }

    /** When something due at {@code local} in the service's zone goes out: then, or now if that has passed. */
    public Instant atOrNow(LocalDateTime local) {
        Instant at = local.atZone(clock.getZone()).toInstant();
        Instant now = clock.instant();
        return at.isBefore(now) ? now : at;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
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
        if (!owedByItsAssignee(obligation) || isClosed(obligation.id())) {
            return;
        }
        var known = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(obligation.id())),
                new Update()
                        .set("bureau", obligation.bureau())
                        .set("bureauPath", obligation.bureauPath())
                        .set("duty", obligation.duty())
                        .set("period", obligation.period())
                        .set("assignee", obligation.assignee())
                        .set("branch", obligation.branch())
                        .set("dueOn", obligation.dueOn())
                        .set("closed", false),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                KnownObligation.class,
                KNOWN);
        align(known, "DUE_DATE_MOVED");
    }

    /** The bureau's policy changed: every open obligation's reminders follow it (reason {@code POLICY_CHANGED}). */
    @EventListener
    void onPolicyChanged(ReminderPolicyChanged changed) {
        var open = Query.query(
                Criteria.where("bureau").is(changed.bureau()).and("closed").is(false));
        for (var known : mongo.find(open, KnownObligation.class, KNOWN)) {
            align(known, "POLICY_CHANGED");
        }
    }

    /**
     * Brings an open obligation's {@code DUE_SOON} reminders that are still to come in line with its
     * due day and the bureau's policy: each moves to its time under them, or is cancelled with
     * {@code reason} if the policy no longer has it or its time has passed; reminders now ahead that
     * are missing are added. While the obligation is not yet due, the latest reminder whose time has
     * passed goes out at once. Sent and cancelled reminders are left as they are.
     */
    private void align(KnownObligation obligation, String reason) {
        var policy = policies.of(obligation.bureau());
        Instant now = clock.instant();
        var wanted = new LinkedHashMap<String, Instant>();
        Integer missed = null;
        for (int daysBefore : policy.dueSoonDays()) {
            Instant at = policy.dueSoon(obligation.dueOn(), daysBefore)
                    .atZone(clock.getZone())
                    .toInstant();
            if (at.isAfter(now)) {
                wanted.put(idOf(obligation.id(), daysBefore), at);
            } else if (missed == null || daysBefore < missed) {
                missed = daysBefore;
            }
        }
        if (missed != null && !today().isAfter(obligation.dueOn())) {
            wanted.put(idOf(obligation.id(), missed), now);
        }
        for (Reminder reminder : remindersOf(obligation)) {
            if (reminder.stage() != ReminderStage.DUE_SOON
                    || reminder.status() != ReminderStatus.SCHEDULED
                    || reminder.releasedAt() != null) {
                continue;
            }
            Instant at = wanted.get(reminder.id());
            if (at == null) {
                cancel(reminder, reason);
            } else {
                boolean moves = !at.equals(reminder.scheduledFor())
                        && !reminder.scheduledFor().isBefore(now);
                if (moves || !obligation.dueOn().equals(reminder.dueOn())) {
                    Instant when = moves ? at : reminder.scheduledFor();
                    outbox.update(
                            REMINDERS,
                            Query.query(Criteria.where("_id")
                                    .is(reminder.id())
                                    .and("status")
                                    .is(ReminderStatus.SCHEDULED.name())
                                    .and("releasedAt")
                                    .is(null)),
                            new Update().set("scheduledFor", when).set("dueOn", obligation.dueOn()),
                            List.of(scheduled(reminder.movedTo(when, obligation.dueOn()))));
                }
            }
        }
        wanted.forEach((id, at) -> scheduleAbout(Reminder.scheduled(
                id,
                obligation.bureau(),
                obligation.bureauPath(),
                obligation.id(),
                null,
                obligation.assignee(),
                obligation.duty(),
                obligation.period(),
                obligation.branch(),
                obligation.dueOn(),
                ReminderStage.DUE_SOON,
                at,
                channelsOf(obligation.bureau(), obligation.assignee()))));
    }

    /**
     * An obligation went unmet: {@code overdueDays} after its due day (at 09:00, outside the quiet
     * hours, or at once if that has passed) its assignee is told and the policy's offices are
     * escalated to. An obligation the bureau owes is escalated to the office only. Nothing is sent
     * for work overdue for longer than {@link #STALE}, or already closed.
     */
    void onOverdue(ObligationOverdue obligation) {
        if (isClosed(obligation.id())) {
            return;
        }
        var policy = policies.of(obligation.bureau());
        LocalDateTime notice = policy.on(obligation.dueOn().plusDays(policy.overdueDays()));
        if (notice.atZone(clock.getZone()).toInstant().plus(STALE).isBefore(clock.instant())) {
            return;
        }
        Instant at = atOrNow(notice);
        var known = mongo.findById(obligation.id(), KnownObligation.class, KNOWN);
        var recipients = new LinkedHashMap<String, ReminderStage>();
        if (known != null) {
            recipients.put(known.assignee(), ReminderStage.OVERDUE);
        }
        for (Person office : escalationOf(policy, obligation.bureau(), obligation.branch())) {
            recipients.putIfAbsent(office.id(), ReminderStage.ESCALATION);
        }
        recipients.forEach((recipient, stage) -> scheduleAbout(Reminder.scheduled(
                idOf(obligation.id() + "|" + stage + "|" + recipient),
                obligation.bureau(),
                obligation.bureauPath(),
                obligation.id(),
                null,
                recipient,
                obligation.duty(),
                obligation.period(),
                obligation.branch(),
                obligation.dueOn(),
                stage,
                at,
                channelsOf(obligation.bureau(), recipient))));
    }

    private List<Person> escalationOf(ReminderPolicy policy, String bureau, String branch) {
        var offices = new ArrayList<Person>();
        if (policy.escalateTo().contains(Directory.PARTY_BUILDING_OFFICE)) {
            offices.addAll(directory.holders(bureau, Directory.PARTY_BUILDING_OFFICE));
        }
        if (branch != null && policy.escalateTo().contains(Directory.BRANCH_SECRETARY)) {
            directory.branchSecretary(bureau, branch).ifPresent(offices::add);
        }
        return offices;
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
        var known = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(obligation.id())),
                new Update().set("closed", false),
                KnownObligation.class,
                KNOWN);
        if (known == null || known.assignee() == null) {
            return; // never reminded of: not the assignee's to do
        }
        for (Reminder reminder : remindersOf(known)) {
            if (reminder.stage() != ReminderStage.DUE_SOON
                    || reminder.status() != ReminderStatus.CANCELLED
                    || !reminder.scheduledFor().isAfter(clock.instant())) {
                continue;
            }
            outbox.update(
                    REMINDERS,
                    Query.query(Criteria.where("_id")
                            .is(reminder.id())
                            .and("status")
                            .is(ReminderStatus.CANCELLED.name())),
                    new Update().set("status", ReminderStatus.SCHEDULED.name()),
                    List.of(scheduled(reminder)));
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

    /** Remembers the obligation as closed and cancels its pending reminders. */
    void cancelFor(String obligationId, String reason) {
        var known = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(obligationId)),
                new Update().set("closed", true),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                KnownObligation.class,
                KNOWN);
        for (Reminder reminder : remindersOf(known)) {
            if (reminder.status() == ReminderStatus.SCHEDULED) {
                cancel(reminder, reason);
            }
        }
    }

    private boolean isClosed(String obligationId) {
        var known = mongo.findById(obligationId, KnownObligation.class, KNOWN);
        return known != null && known.closed();
    }

    private void cancel(Reminder reminder, String reason) {
        outbox.update(
                REMINDERS,
                outbox.expecting(REMINDERS, reminder.id(), "status", ReminderStatus.SCHEDULED.name()),
                new Update().set("status", ReminderStatus.CANCELLED.name()),
                List.of(outbox.event(
                        Events.REMINDER_CANCELLED,
                        reminder.id(),
                        subjectOf(reminder),
                        reminder.bureau(),
                        reminder.bureauPath(),
                        new ReminderCancelled(
                                reminder.id(),
                                reminder.bureau(),
                                reminder.bureauPath(),
                                reminder.obligation(),
                                reminder.recipient(),
                                reason,
                                reminder.activity()))));
    }

    private OutboxEvent scheduled(Reminder reminder) {
        return outbox.event(
                Events.REMINDER_SCHEDULED,
                reminder.id(),
                subjectOf(reminder),
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
                        reminder.channels().stream().map(Enum::name).toList(),
                        reminder.activity(),
                        reminder.dueOn()));
    }

    private static String subjectOf(Reminder reminder) {
        return "bureaus/" + reminder.bureau() + "/reminders/" + reminder.id();
    }

    static String idOf(String obligation, int daysBefore) {
        return idOf(obligation + "|DUE_SOON|" + daysBefore);
    }

    /** A reminder id derived from what makes the reminder unique, so it is the same however often it is derived. */
    public static String idOf(String identity) {
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Open obligations of the bureau's members, by assignee, for digests and calendars. */
    public Map<String, List<KnownObligation>> openByAssignee(String bureau) {
        var open = new LinkedHashMap<String, List<KnownObligation>>();
        for (var known : mongo.find(
                Query.query(Criteria.where("bureau").is(bureau).and("closed").is(false))
                        .with(org.springframework.data.domain.Sort.by("dueOn", "_id")),
                KnownObligation.class,
                KNOWN)) {
            open.computeIfAbsent(known.assignee(), a -> new ArrayList<>()).add(known);
        }
        return open;
    }

    public java.util.Optional<KnownObligation> known(String obligation) {
        return java.util.Optional.ofNullable(
                obligation == null ? null : mongo.findById(obligation, KnownObligation.class, KNOWN));
    }

    /** Bureaus with open obligations someone is reminded of. */
    public List<String> bureausWithOpenWork() {
        return mongo.findDistinct(Query.query(Criteria.where("closed").is(false)), "bureau", KNOWN, String.class);
    }

    /** Open obligations of one member, soonest first. */
    public List<KnownObligation> openOf(String bureau, String assignee) {
        return mongo.find(
                Query.query(Criteria.where("bureau")
                                .is(bureau)
                                .and("assignee")
                                .is(assignee)
                                .and("closed")
                                .is(false))
                        .with(org.springframework.data.domain.Sort.by("dueOn", "_id")),
                KnownObligation.class,
                KNOWN);
    }
}
