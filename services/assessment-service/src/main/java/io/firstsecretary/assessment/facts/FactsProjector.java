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
            var m = event.payload(Events.MEMBER_REGISTERED);
            facts.addMemberStates(List.of(registered(event, offset)));
            changes.add(new Change(
                    Change.Scope.BRANCH,
                    m.bureau(),
                    m.branch(),
                    Change.Reason.REQUIREMENTS_CHANGED,
                    Change.Touches.talks()));
        } else if (isMemberChange(event)) {
            changes.addAll(memberChanged(event.id(), offset, event.payload(Events.MEMBER_TRANSFERRED)));
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
            changes.addAll(recorded(event.payload(Events.ACTIVITY_LOGGED), 0, Change.Reason.REQUIREMENTS_CHANGED));
        } else if (event.is(Events.ACTIVITY_CORRECTED)) {
            var corrected = event.payload(Events.ACTIVITY_CORRECTED);
            changes.addAll(recorded(corrected.activity(), corrected.revision(), Change.Reason.EVIDENCE_CORRECTED));
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
     * run of logged and corrected activities in bulk; a malformed event is skipped (its consumer
     * dead-lettered it when it arrived). Used by a rebuild's replay, which recomputes afterwards.
     */
    public void replay(List<Positioned> events) {
        var activities = new ArrayList<Facts.Revision>();
        var members = new ArrayList<Facts.MemberState>();
        for (var positioned : events) {
            try {
                var event = positioned.event();
                if (event.is(Events.ACTIVITY_LOGGED)) {
                    activities.add(new Facts.Revision(event.payload(Events.ACTIVITY_LOGGED), 0));
                } else if (event.is(Events.ACTIVITY_CORRECTED)) {
                    var corrected = event.payload(Events.ACTIVITY_CORRECTED);
                    activities.add(new Facts.Revision(corrected.activity(), corrected.revision()));
                } else if (event.is(Events.MEMBER_REGISTERED)) {
                    members.add(registered(event, positioned.offset()));
                } else if (isMemberChange(event)) {
                    members.add(changed(event.id(), positioned.offset(), event.payload(Events.MEMBER_TRANSFERRED)));
                } else {
                    flush(activities, members);
                    apply(event, positioned.offset());
                }
            } catch (MalformedEventException | IllegalArgumentException malformed) {
                // dead-lettered by the live consumer when it arrived
            }
        }
        flush(activities, members);
    }

    /** Activities and member histories are independent facts: each run keeps its own order. */
    private void flush(List<Facts.Revision> activities, List<Facts.MemberState> members) {
        facts.recordAll(activities);
        activities.clear();
        facts.addMemberStates(members);
        members.clear();
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

    private List<Change> memberChanged(String eventId, long offset, MemberChanged m) {
        facts.addMemberStates(List.of(changed(eventId, offset, m)));
        var branches = new LinkedHashSet<String>();
        branches.add(m.branch());
        if (m.previousBranch() != null) {
            branches.add(m.previousBranch());
        }
        return branches.stream()
                .map(b -> new Change(
                        Change.Scope.BRANCH, m.bureau(), b, Change.Reason.REQUIREMENTS_CHANGED, Change.Touches.talks()))
                .toList();
    }

    /**
     * A stale revision is ignored but still recomputes its branch, so that a recomputation an
     * earlier delivery was interrupted in is completed on redelivery.
     */
    private List<Change> recorded(ActivityLogged activity, int revision, Change.Reason reason) {
        var changes = new ArrayList<Change>();
        var recorded = facts.record(activity, revision);
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
