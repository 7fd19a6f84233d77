package io.firstsecretary.contracts;

import io.firstsecretary.contracts.activity.ActivityLogged;
import io.firstsecretary.contracts.assessment.ObligationFulfilled;
import io.firstsecretary.contracts.assessment.ObligationOpened;
import io.firstsecretary.contracts.notification.ReminderCancelled;
import io.firstsecretary.contracts.notification.ReminderScheduled;
import io.firstsecretary.contracts.organisation.BranchEstablished;
import io.firstsecretary.contracts.organisation.BureauRegistered;
import io.firstsecretary.contracts.organisation.FirstSecretaryAssigned;
import io.firstsecretary.contracts.organisation.MemberRegistered;
import io.firstsecretary.contracts.organisation.PartyGroupFormed;
import java.util.List;
import java.util.Optional;

/**
 * Every event type of the platform. The CloudEvents type strings are the wire contract: they never
 * derive from Java class or package names.
 */
public final class Events {

    public static final EventType<BureauRegistered> BUREAU_REGISTERED = new EventType<>(
            "firstsec.organisation.bureau-registered.v1",
            Topics.ORGANISATION,
            BureauRegistered.class,
            "organisation/bureau-registered");
    public static final EventType<BranchEstablished> BRANCH_ESTABLISHED = new EventType<>(
            "firstsec.organisation.branch-established.v1",
            Topics.ORGANISATION,
            BranchEstablished.class,
            "organisation/branch-established");
    public static final EventType<PartyGroupFormed> PARTY_GROUP_FORMED = new EventType<>(
            "firstsec.organisation.party-group-formed.v1",
            Topics.ORGANISATION,
            PartyGroupFormed.class,
            "organisation/party-group-formed");
    public static final EventType<MemberRegistered> MEMBER_REGISTERED = new EventType<>(
            "firstsec.organisation.member-registered.v1",
            Topics.ORGANISATION,
            MemberRegistered.class,
            "organisation/member-registered");
    public static final EventType<FirstSecretaryAssigned> FIRST_SECRETARY_ASSIGNED = new EventType<>(
            "firstsec.organisation.first-secretary-assigned.v1",
            Topics.ORGANISATION,
            FirstSecretaryAssigned.class,
            "organisation/first-secretary-assigned");
    public static final EventType<ActivityLogged> ACTIVITY_LOGGED = new EventType<>(
            "firstsec.activity.logged.v1", Topics.ACTIVITY, ActivityLogged.class, "activity/activity-logged");
    public static final EventType<ObligationOpened> OBLIGATION_OPENED = new EventType<>(
            "firstsec.assessment.obligation-opened.v1",
            Topics.ASSESSMENT,
            ObligationOpened.class,
            "assessment/obligation-opened");
    public static final EventType<ObligationFulfilled> OBLIGATION_FULFILLED = new EventType<>(
            "firstsec.assessment.obligation-fulfilled.v1",
            Topics.ASSESSMENT,
            ObligationFulfilled.class,
            "assessment/obligation-fulfilled");
    public static final EventType<ReminderScheduled> REMINDER_SCHEDULED = new EventType<>(
            "firstsec.notification.reminder-scheduled.v1",
            Topics.NOTIFICATION,
            ReminderScheduled.class,
            "notification/reminder-scheduled");
    public static final EventType<ReminderCancelled> REMINDER_CANCELLED = new EventType<>(
            "firstsec.notification.reminder-cancelled.v1",
            Topics.NOTIFICATION,
            ReminderCancelled.class,
            "notification/reminder-cancelled");

    public static final List<EventType<?>> ALL = List.of(
            BUREAU_REGISTERED,
            BRANCH_ESTABLISHED,
            PARTY_GROUP_FORMED,
            MEMBER_REGISTERED,
            FIRST_SECRETARY_ASSIGNED,
            ACTIVITY_LOGGED,
            OBLIGATION_OPENED,
            OBLIGATION_FULFILLED,
            REMINDER_SCHEDULED,
            REMINDER_CANCELLED);

    private Events() {}

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(e -> e.type().equals(type)).findFirst();
    }
}
