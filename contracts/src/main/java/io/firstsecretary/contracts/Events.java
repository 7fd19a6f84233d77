package io.firstsecretary.contracts;

import io.firstsecretary.contracts.activity.ActivityCorrected;
import io.firstsecretary.contracts.activity.ActivityLogged;
import io.firstsecretary.contracts.activity.ActivityVoided;
import io.firstsecretary.contracts.assessment.BureauMeetingReportFiled;
import io.firstsecretary.contracts.assessment.EvaluationRecorded;
import io.firstsecretary.contracts.assessment.ObligationFulfilled;
import io.firstsecretary.contracts.assessment.ObligationOpened;
import io.firstsecretary.contracts.assessment.ObligationOverdue;
import io.firstsecretary.contracts.assessment.ObligationReopened;
import io.firstsecretary.contracts.assessment.ObligationRescheduled;
import io.firstsecretary.contracts.assessment.ObligationWaived;
import io.firstsecretary.contracts.assessment.RankingPublished;
import io.firstsecretary.contracts.assessment.ReviewRecorded;
import io.firstsecretary.contracts.notification.ReminderCancelled;
import io.firstsecretary.contracts.notification.ReminderFailed;
import io.firstsecretary.contracts.notification.ReminderScheduled;
import io.firstsecretary.contracts.notification.ReminderSent;
import io.firstsecretary.contracts.organisation.BranchDissolved;
import io.firstsecretary.contracts.organisation.BranchEstablished;
import io.firstsecretary.contracts.organisation.BranchMerged;
import io.firstsecretary.contracts.organisation.BranchRenamed;
import io.firstsecretary.contracts.organisation.BureauChanged;
import io.firstsecretary.contracts.organisation.BureauRegistered;
import io.firstsecretary.contracts.organisation.FirstSecretaryAssigned;
import io.firstsecretary.contracts.organisation.FirstSecretaryRelieved;
import io.firstsecretary.contracts.organisation.MemberChanged;
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
    public static final EventType<ReminderSent> REMINDER_SENT = new EventType<>(
            "firstsec.notification.reminder-sent.v1",
            Topics.NOTIFICATION,
            ReminderSent.class,
            "notification/reminder-sent");
    public static final EventType<ReminderFailed> REMINDER_FAILED = new EventType<>(
            "firstsec.notification.reminder-failed.v1",
            Topics.NOTIFICATION,
            ReminderFailed.class,
            "notification/reminder-failed");

    public static final EventType<BureauChanged> BUREAU_CHANGED = new EventType<>(
            "firstsec.organisation.bureau-changed.v1",
            Topics.ORGANISATION,
            BureauChanged.class,
            "organisation/bureau-changed");
    public static final EventType<BranchRenamed> BRANCH_RENAMED = new EventType<>(
            "firstsec.organisation.branch-renamed.v1",
            Topics.ORGANISATION,
            BranchRenamed.class,
            "organisation/branch-renamed");
    public static final EventType<BranchMerged> BRANCH_MERGED = new EventType<>(
            "firstsec.organisation.branch-merged.v1",
            Topics.ORGANISATION,
            BranchMerged.class,
            "organisation/branch-merged");
    public static final EventType<BranchDissolved> BRANCH_DISSOLVED = new EventType<>(
            "firstsec.organisation.branch-dissolved.v1",
            Topics.ORGANISATION,
            BranchDissolved.class,
            "organisation/branch-dissolved");
    public static final EventType<MemberChanged> MEMBER_TRANSFERRED = new EventType<>(
            "firstsec.organisation.member-transferred.v1",
            Topics.ORGANISATION,
            MemberChanged.class,
            "organisation/member-transferred");
    public static final EventType<MemberChanged> MEMBER_ROLES_CHANGED = new EventType<>(
            "firstsec.organisation.member-roles-changed.v1",
            Topics.ORGANISATION,
            MemberChanged.class,
            "organisation/member-roles-changed");
    public static final EventType<MemberChanged> MEMBER_DETAILS_CHANGED = new EventType<>(
            "firstsec.organisation.member-details-changed.v1",
            Topics.ORGANISATION,
            MemberChanged.class,
            "organisation/member-details-changed");
    public static final EventType<MemberChanged> MEMBER_LEFT = new EventType<>(
            "firstsec.organisation.member-left.v1",
            Topics.ORGANISATION,
            MemberChanged.class,
            "organisation/member-left");
    public static final EventType<FirstSecretaryRelieved> FIRST_SECRETARY_RELIEVED = new EventType<>(
            "firstsec.organisation.first-secretary-relieved.v1",
            Topics.ORGANISATION,
            FirstSecretaryRelieved.class,
            "organisation/first-secretary-relieved");
    public static final EventType<ActivityVoided> ACTIVITY_VOIDED = new EventType<>(
            "firstsec.activity.voided.v1", Topics.ACTIVITY, ActivityVoided.class, "activity/activity-voided");
    public static final EventType<ActivityCorrected> ACTIVITY_CORRECTED = new EventType<>(
            "firstsec.activity.corrected.v1", Topics.ACTIVITY, ActivityCorrected.class, "activity/activity-corrected");
    public static final EventType<ObligationReopened> OBLIGATION_REOPENED = new EventType<>(
            "firstsec.assessment.obligation-reopened.v1",
            Topics.ASSESSMENT,
            ObligationReopened.class,
            "assessment/obligation-reopened");
    public static final EventType<ObligationWaived> OBLIGATION_WAIVED = new EventType<>(
            "firstsec.assessment.obligation-waived.v1",
            Topics.ASSESSMENT,
            ObligationWaived.class,
            "assessment/obligation-waived");
    public static final EventType<ObligationOverdue> OBLIGATION_OVERDUE = new EventType<>(
            "firstsec.assessment.obligation-overdue.v1",
            Topics.ASSESSMENT,
            ObligationOverdue.class,
            "assessment/obligation-overdue");
    public static final EventType<ReviewRecorded> REVIEW_RECORDED = new EventType<>(
            "firstsec.assessment.review-recorded.v1",
            Topics.ASSESSMENT,
            ReviewRecorded.class,
            "assessment/review-recorded");
    public static final EventType<EvaluationRecorded> EVALUATION_RECORDED = new EventType<>(
            "firstsec.assessment.evaluation-recorded.v1",
            Topics.ASSESSMENT,
            EvaluationRecorded.class,
            "assessment/evaluation-recorded");
    public static final EventType<RankingPublished> RANKING_PUBLISHED = new EventType<>(
            "firstsec.assessment.ranking-published.v1",
            Topics.ASSESSMENT,
            RankingPublished.class,
            "assessment/ranking-published");
    public static final EventType<BureauMeetingReportFiled> BUREAU_MEETING_REPORT_FILED = new EventType<>(
            "firstsec.assessment.bureau-meeting-report-filed.v1",
            Topics.ASSESSMENT,
            BureauMeetingReportFiled.class,
            "assessment/bureau-meeting-report-filed");

    public static final EventType<ObligationRescheduled> OBLIGATION_RESCHEDULED = new EventType<>(
            "firstsec.assessment.obligation-rescheduled.v1",
            Topics.ASSESSMENT,
            ObligationRescheduled.class,
            "assessment/obligation-rescheduled");

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
            REMINDER_CANCELLED,
            REMINDER_SENT,
            REMINDER_FAILED,
            BUREAU_CHANGED,
            BRANCH_RENAMED,
            BRANCH_MERGED,
            BRANCH_DISSOLVED,
            MEMBER_TRANSFERRED,
            MEMBER_ROLES_CHANGED,
            MEMBER_DETAILS_CHANGED,
            MEMBER_LEFT,
            FIRST_SECRETARY_RELIEVED,
            OBLIGATION_WAIVED,
            ACTIVITY_VOIDED,
            ACTIVITY_CORRECTED,
            OBLIGATION_REOPENED,
            OBLIGATION_OVERDUE,
            REVIEW_RECORDED,
            EVALUATION_RECORDED,
            RANKING_PUBLISHED,
            BUREAU_MEETING_REPORT_FILED,
            OBLIGATION_RESCHEDULED);

    private Events() {}

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(e -> e.type().equals(type)).findFirst();
    }
}
