package io.firstsecretary.assessment.facts;

import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.activity.ActivityLogged;
import io.firstsecretary.contracts.organisation.MemberChanged;
import io.firstsecretary.kit.events.IncomingEvent;
import io.firstsecretary.kit.events.MalformedEventException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies organisation and activity events to {@link Facts} and says which obligations each may
 * have changed. Used live by the listeners and, against a fresh generation, by a rebuild.
 */
public final class FactsProjector {

    private final Facts facts;

    public FactsProjector(Facts facts) {
        this.facts = facts;
    }

    /**
     * Applies {@code event}; {@code offset} (its position on its partition) orders a member's changes
     * of the same day.
     */
    public List<Change> apply(IncomingEvent event, long offset) {
        var changes = new ArrayList<Change>();
        if (event.is(Events.BUREAU_REGISTERED)) {
            var b = event.payload(Events.BUREAU_REGISTERED);
            facts.saveBureau(new Bureau(b.code(), b.name(), b.level(), b.path()));
        } else if (event.is(Events.BUREAU_CHANGED)) {
            var b = event.payload(Events.BUREAU_CHANGED);
            facts.saveBureau(new Bureau(b.code(), b.name(), b.level(), b.path()));
        } else if (event.is(Events.BRANCH_ESTABLISHED)) {
            var b = event.payload(Events.BRANCH_ESTABLISHED);
            facts.saveBranch(b.bureau(), b.code(), b.name(), false);
            changes.add(branch(b.bureau(), b.code(), Change.Reason.REQUIREMENTS_CHANGED));
        } else if (event.is(Events.BRANCH_RENAMED)) {
            var b = event.payload(Events.BRANCH_RENAMED);
            facts.saveBranch(b.bureau(), b.code(), b.name(), false);
        } else if (event.is(Events.BRANCH_DISSOLVED)) {
            var b = event.payload(Events.BRANCH_DISSOLVED);
            facts.saveBranch(b.bureau(), b.code(), facts.branchName(b.bureau(), b.code()), true);
        } else if (event.is(Events.BRANCH_MERGED)) {
            var b = event.payload(Events.BRANCH_MERGED);
            facts.saveBranch(b.bureau(), b.code(), facts.branchName(b.bureau(), b.code()), true);
        } else if (event.is(Events.MEMBER_REGISTERED)) {
            var state = registered(event, offset);
            facts.addMemberStates(List.of(state));
            changes.add(talksOf(state.bureau(), state.state().branch()));
        } else if (isMemberChange(event)) {
            var m = event.payload(Events.MEMBER_TRANSFERRED);
            facts.addMemberStates(List.of(changed(event.id(), offset, m)));
            changes.addAll(branchesOf(m));
        } else if (event.is(Events.FIRST_SECRETARY_ASSIGNED)) {
            var assigned = event.payload(Events.FIRST_SECRETARY_ASSIGNED);
            facts.assign(assigned);
            changes.add(new Change(
                    Change.Scope.ASSIGNMENT,
                    assigned.bureau(),
                    assigned.assignment(),
                    Change.Reason.REQUIREMENTS_CHANGED));
        } else if (event.is(Events.FIRST_SECRETARY_RELIEVED)) {
            var relieved = event.payload(Events.FIRST_SECRETARY_RELIEVED);
            facts.relieve(relieved.assignment(), relieved.to())
                    .ifPresent(a -> changes.add(new Change(
                            Change.Scope.ASSIGNMENT, a.bureau(), a.id(), Change.Reason.REQUIREMENTS_CHANGED)));
        } else if (event.is(Events.ACTIVITY_LOGGED)) {
            var logged = complete(event, event.payload(Events.ACTIVITY_LOGGED));
            changes.addAll(changesOf(logged, facts.record(logged, 0), Change.Reason.REQUIREMENTS_CHANGED));
        } else if (event.is(Events.ACTIVITY_CORRECTED)) {
            var corrected = event.payload(Events.ACTIVITY_CORRECTED);
            var activity = complete(event, corrected.activity());
            changes.addAll(changesOf(
                    activity, facts.record(activity, corrected.revision()), Change.Reason.EVIDENCE_CORRECTED));
        } else if (event.is(Events.ACTIVITY_VOIDED)) {
            var voided = event.payload(Events.ACTIVITY_VOIDED);
            var known = facts.voidActivity(voided.id(), voided.bureau(), voided.branch());
            changes.add(new Change(
                    Change.Scope.BRANCH,
                    voided.bureau(),
                    voided.branch(),
                    Change.Reason.EVIDENCE_VOIDED,
                    known.filter(k -> k.type() != null)
                            .map(k -> Change.Touches.activities(Set.of(k.type()), Set.of(k.occurredOn())))
                            .orElse(Change.Touches.ALL)));
        }
        return changes;
    }

    /**
     * Applies a stretch of a topic in order, as {@link #apply} would event by event, storing each
     * run of activities and of member changes in bulk (a few round trips to the store however long
     * the run); returns every change, for {@link Change#merged}. A batch of a listener.
     */
    public List<Change> applyAll(List<Positioned> events) {
        var run = new Run();
        for (var positioned : events) {
            run.add(positioned);
        }
        run.flush();
        return run.changes;
    }

    /**
     * {@link #applyAll} for a rebuild's replay, which recomputes everything afterwards: a malformed
     * event is skipped (its consumer dead-lettered it when it arrived).
     */
    public void replay(List<Positioned> events) {
        var run = new Run();
        for (var positioned : events) {
            try {
                run.add(positioned);
            } catch (MalformedEventException | IllegalArgumentException malformed) {
                // dead-lettered by the live consumer when it arrived
            }
        }
        run.flush();
    }

    /** Activities and member histories are independent facts: each run keeps its own order. */
    private final class Run {

        private final List<Facts.Revision> activities = new ArrayList<>();
        private final List<Change.Reason> reasons = new ArrayList<>();
        private final List<Facts.MemberState> members = new ArrayList<>();
        private final List<Change> changes = new ArrayList<>();

        void add(Positioned positioned) {
            var event = positioned.event();
            if (event.is(Events.ACTIVITY_LOGGED)) {
                activities.add(new Facts.Revision(complete(event, event.payload(Events.ACTIVITY_LOGGED)), 0));
                reasons.add(Change.Reason.REQUIREMENTS_CHANGED);
            } else if (event.is(Events.ACTIVITY_CORRECTED)) {
                var corrected = event.payload(Events.ACTIVITY_CORRECTED);
                activities.add(new Facts.Revision(complete(event, corrected.activity()), corrected.revision()));
                reasons.add(Change.Reason.EVIDENCE_CORRECTED);
            } else if (event.is(Events.MEMBER_REGISTERED)) {
                var state = registered(event, positioned.offset());
                members.add(state);
                changes.add(talksOf(state.bureau(), state.state().branch()));
            } else if (isMemberChange(event)) {
                var m = event.payload(Events.MEMBER_TRANSFERRED);
                members.add(changed(event.id(), positioned.offset(), m));
                changes.addAll(branchesOf(m));
            } else {
                flush();
                changes.addAll(apply(event, positioned.offset()));
            }
        }

        void flush() {
            var recorded = facts.recordAll(activities);
            for (int i = 0; i < recorded.size(); i++) {
                changes.addAll(changesOf(activities.get(i).activity(), recorded.get(i), reasons.get(i)));
            }
            activities.clear();
            reasons.clear();
            facts.addMemberStates(members);
            members.clear();
        }
    }

    /**
     * The activity, if it says what the facts file it under; one that does not is malformed, found
     * before it is stored in bulk with others.
     */
    private static ActivityLogged complete(IncomingEvent event, ActivityLogged activity) {
        if (activity == null
                || activity.id() == null
                || activity.bureau() == null
                || activity.branch() == null
                || activity.type() == null
                || activity.occurredOn() == null) {
            throw new MalformedEventException(
                    event.type() + " " + event.id() + " lacks the activity's id, bureau, branch, type or day");
        }
        return activity;
    }

    /** An event and its position on its partition. */
    public record Positioned(IncomingEvent event, long offset) {}

    private static Facts.MemberState registered(IncomingEvent event, long offset) {
        var m = event.payload(Events.MEMBER_REGISTERED);
        return new Facts.MemberState(
                m.bureau(),
                m.id(),
                m.name(),
                new MemberHistory.State(event.id(), null, offset, m.branch(), m.partyGroup(), m.roles(), true));
    }

    private static Facts.MemberState changed(String eventId, long offset, MemberChanged m) {
        return new Facts.MemberState(
                m.bureau(),
                m.id(),
                m.name(),
                new MemberHistory.State(
                        eventId, m.effectiveOn(), offset, m.branch(), m.partyGroup(), m.roles(), m.active()));
    }

    private static boolean isMemberChange(IncomingEvent event) {
        return event.is(Events.MEMBER_TRANSFERRED)
                || event.is(Events.MEMBER_ROLES_CHANGED)
                || event.is(Events.MEMBER_LEFT)
                || event.is(Events.MEMBER_DETAILS_CHANGED);
    }

    /** The talk duties of a member's branch, whose required people change with its members. */
    private static Change talksOf(String bureau, String branch) {
        return new Change(
                Change.Scope.BRANCH, bureau, branch, Change.Reason.REQUIREMENTS_CHANGED, Change.Touches.talks());
    }

    /** The branches a member change can touch: the one the member is in now and the one they left. */
    private static List<Change> branchesOf(MemberChanged m) {
        var branches = new LinkedHashSet<String>();
        branches.add(m.branch());
        if (m.previousBranch() != null) {
            branches.add(m.previousBranch());
        }
        return branches.stream().map(b -> talksOf(m.bureau(), b)).toList();
    }

    /**
     * A stale revision is ignored but still recomputes its branch, so that a recomputation an
     * earlier delivery was interrupted in is completed on redelivery.
     */
    private static List<Change> changesOf(ActivityLogged activity, Facts.Recorded recorded, Change.Reason reason) {
        var changes = new ArrayList<Change>();
        var types = new HashSet<String>();
        var days = new HashSet<LocalDate>();
        types.add(activity.type());
        days.add(activity.occurredOn());
        var previous = recorded.previous().filter(p -> p.type() != null);
        previous.ifPresent(p -> {
            types.add(p.type());
            days.add(p.occurredOn());
        });
        var touches = Change.Touches.activities(types, days);
        previous.filter(p -> p.branch() != null && !p.branch().equals(activity.branch()))
                .ifPresent(p -> changes.add(new Change(Change.Scope.BRANCH, p.bureau(), p.branch(), reason, touches)));
        changes.add(new Change(Change.Scope.BRANCH, activity.bureau(), activity.branch(), reason, touches));
        return changes;
    }

    private static Change branch(String bureau, String branch, Change.Reason reason) {
        return new Change(Change.Scope.BRANCH, bureau, branch, reason);
    }
}
