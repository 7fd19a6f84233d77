package io.firstsecretary.assessment.facts;

import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.activity.ActivityLogged;
import io.firstsecretary.contracts.organisation.MemberChanged;
import io.firstsecretary.kit.events.IncomingEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

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
            facts.addMemberState(
                    m.bureau(),
                    m.id(),
                    m.name(),
                    new MemberHistory.State(event.id(), null, offset, m.branch(), m.partyGroup(), m.roles(), true));
            changes.add(branch(m.bureau(), m.branch(), Change.Reason.REQUIREMENTS_CHANGED));
        } else if (event.is(Events.MEMBER_TRANSFERRED)
                || event.is(Events.MEMBER_ROLES_CHANGED)
                || event.is(Events.MEMBER_LEFT)
                || event.is(Events.MEMBER_DETAILS_CHANGED)) {
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
            facts.voidActivity(voided.id(), voided.bureau(), voided.branch());
            changes.add(branch(voided.bureau(), voided.branch(), Change.Reason.EVIDENCE_VOIDED));
        }
        return changes;
    }

    private List<Change> memberChanged(String eventId, long offset, MemberChanged m) {
        facts.addMemberState(
                m.bureau(),
                m.id(),
                m.name(),
                new MemberHistory.State(
                        eventId, m.effectiveOn(), offset, m.branch(), m.partyGroup(), m.roles(), m.active()));
        var branches = new LinkedHashSet<String>();
        branches.add(m.branch());
        if (m.previousBranch() != null) {
            branches.add(m.previousBranch());
        }
        return branches.stream()
                .map(b -> branch(m.bureau(), b, Change.Reason.REQUIREMENTS_CHANGED))
                .toList();
    }

    /**
     * A stale revision is ignored but still recomputes its branch, so that a recomputation an
     * earlier delivery was interrupted in is completed on redelivery.
     */
    private List<Change> recorded(ActivityLogged activity, int revision, Change.Reason reason) {
        var changes = new ArrayList<Change>();
        var recorded = facts.record(activity, revision);
        if (recorded.stored()) {
            recorded.previous()
                    .filter(p -> p.branch() != null && !p.branch().equals(activity.branch()))
                    .ifPresent(p -> changes.add(branch(p.bureau(), p.branch(), reason)));
        }
        changes.add(branch(activity.bureau(), activity.branch(), reason));
        return changes;
    }

    private static Change branch(String bureau, String branch, Change.Reason reason) {
        return new Change(Change.Scope.BRANCH, bureau, branch, reason);
    }
}
