package io.firstsecretary.assessment.obligation;

import io.firstsecretary.assessment.facts.Bureau;
import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.facts.MemberHistory;
import io.firstsecretary.assessment.obligation.ObligationBook.Cause;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.contracts.activity.ActivityLogged;
import io.firstsecretary.contracts.organisation.MemberChanged;
import io.firstsecretary.kit.events.IncomingEvent;
import java.util.LinkedHashSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link Facts} from the organisation and activity topics and recomputes the obligations
 * each fact can touch.
 */
@Component
class ObligationProjector {

    private final Facts facts;
    private final ObligationBook book;

    ObligationProjector(Facts facts, ObligationBook book) {
        this.facts = facts;
        this.book = book;
    }

    @KafkaListener(topics = Topics.ORGANISATION)
    void onOrganisation(ConsumerRecord<String, byte[]> record) {
        var event = IncomingEvent.from(record);
        if (event.is(Events.BUREAU_REGISTERED)) {
            var b = event.payload(Events.BUREAU_REGISTERED);
            facts.saveBureau(new Bureau(b.code(), b.name(), b.level(), b.path()));
        } else if (event.is(Events.BUREAU_CHANGED)) {
            var b = event.payload(Events.BUREAU_CHANGED);
            facts.saveBureau(new Bureau(b.code(), b.name(), b.level(), b.path()));
        } else if (event.is(Events.BRANCH_ESTABLISHED)) {
            var b = event.payload(Events.BRANCH_ESTABLISHED);
            facts.saveBranch(b.bureau(), b.code(), b.name(), false);
            book.recomputeBranch(b.bureau(), b.code(), Cause.REQUIREMENTS_CHANGED);
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
                    new MemberHistory.State(event.id(), null, null, m.branch(), m.partyGroup(), m.roles(), true));
            book.recomputeBranch(m.bureau(), m.branch(), Cause.REQUIREMENTS_CHANGED);
        } else if (event.is(Events.MEMBER_TRANSFERRED)
                || event.is(Events.MEMBER_ROLES_CHANGED)
                || event.is(Events.MEMBER_LEFT)
                || event.is(Events.MEMBER_DETAILS_CHANGED)) {
            memberChanged(event.id(), event.payload(Events.MEMBER_TRANSFERRED));
        } else if (event.is(Events.FIRST_SECRETARY_ASSIGNED)) {
            var assigned = event.payload(Events.FIRST_SECRETARY_ASSIGNED);
            facts.assign(assigned);
            book.recomputeAssignment(assigned.assignment(), Cause.REQUIREMENTS_CHANGED);
        } else if (event.is(Events.FIRST_SECRETARY_RELIEVED)) {
            var relieved = event.payload(Events.FIRST_SECRETARY_RELIEVED);
            facts.relieve(relieved.assignment(), relieved.to())
                    .ifPresent(a -> book.recomputeAssignment(a.id(), Cause.REQUIREMENTS_CHANGED));
        }
    }

    private void memberChanged(String eventId, MemberChanged m) {
        facts.addMemberState(
                m.bureau(),
                m.id(),
                m.name(),
                new MemberHistory.State(
                        eventId, m.effectiveOn(), eventId, m.branch(), m.partyGroup(), m.roles(), m.active()));
        var branches = new LinkedHashSet<String>();
        branches.add(m.branch());
        if (m.previousBranch() != null) {
            branches.add(m.previousBranch());
        }
        branches.forEach(b -> book.recomputeBranch(m.bureau(), b, Cause.REQUIREMENTS_CHANGED));
    }

    @KafkaListener(topics = Topics.ACTIVITY)
    void onActivity(ConsumerRecord<String, byte[]> record) {
        var event = IncomingEvent.from(record);
        if (event.is(Events.ACTIVITY_LOGGED)) {
            recorded(event.payload(Events.ACTIVITY_LOGGED), 0, Cause.REQUIREMENTS_CHANGED);
        } else if (event.is(Events.ACTIVITY_CORRECTED)) {
            var corrected = event.payload(Events.ACTIVITY_CORRECTED);
            recorded(corrected.activity(), corrected.revision(), Cause.EVIDENCE_CORRECTED);
        } else if (event.is(Events.ACTIVITY_VOIDED)) {
            var voided = event.payload(Events.ACTIVITY_VOIDED);
            facts.voidActivity(voided.id(), voided.bureau(), voided.branch());
            book.recomputeBranch(voided.bureau(), voided.branch(), Cause.EVIDENCE_VOIDED);
        }
    }

    private void recorded(ActivityLogged activity, int revision, Cause cause) {
        var recorded = facts.record(activity, revision);
        if (recorded.stored()) {
            recorded.previous()
                    .filter(p -> p.branch() != null && !p.branch().equals(activity.branch()))
                    .ifPresent(p -> book.recomputeBranch(p.bureau(), p.branch(), cause));
        }
        // Also on an ignored stale revision: an interrupted earlier recomputation is completed.
        book.recomputeBranch(activity.bureau(), activity.branch(), cause);
    }
}
