package io.firstsecretary.notification.followup;

import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.Topics;
import io.firstsecretary.contracts.activity.ActivityLogged;
import io.firstsecretary.kit.events.IncomingEvent;
import io.firstsecretary.notification.directory.Directory;
import io.firstsecretary.notification.policy.ReminderPolicies;
import io.firstsecretary.notification.reminder.Reminder;
import io.firstsecretary.notification.reminder.ReminderBook;
import io.firstsecretary.notification.reminder.ReminderStage;
import java.time.LocalDate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Work that asks for more work: a guidance opinion (指导意见) asks the branch secretary to report back
 * on it within the policy's days (点对点反馈), told at once; an inspection with findings reminds the
 * branch secretary before the rectification deadline. Backfilled work and deadlines already passed
 * remind nobody; a voided activity withdraws its follow-ups.
 */
@Component
class FollowUps {

    static final String GUIDANCE_OPINION = "GUIDANCE_OPINION";
    static final String SUPERVISION_INSPECTION = "SUPERVISION_INSPECTION";

    private final ReminderBook book;
    private final ReminderPolicies policies;
    private final Directory directory;

    FollowUps(ReminderBook book, ReminderPolicies policies, Directory directory) {
        this.book = book;
        this.policies = policies;
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.ACTIVITY)
    void on(ConsumerRecord<String, byte[]> record) {
        var event = IncomingEvent.from(record);
        if (event.is(Events.ACTIVITY_LOGGED)) {
            logged(event.payload(Events.ACTIVITY_LOGGED));
        } else if (event.is(Events.ACTIVITY_VOIDED)) {
            book.cancelWhere(
                    Criteria.where("activity")
                            .is(event.payload(Events.ACTIVITY_VOIDED).id()),
                    "ACTIVITY_VOIDED");
        }
    }

    private void logged(ActivityLogged activity) {
        if (Boolean.TRUE.equals(activity.backfilled()) || activity.branch() == null) {
            return;
        }
        if (GUIDANCE_OPINION.equals(activity.type())) {
            var policy = policies.of(activity.bureau());
            LocalDate reportBy = activity.occurredOn().plusDays(policy.guidanceFeedbackDays());
            if (!reportBy.isBefore(book.today())) {
                remind(activity, reportBy, 0, policy.on(book.today()));
            }
        } else if (SUPERVISION_INSPECTION.equals(activity.type())
                && activity.findings() != null
                && !activity.findings().isEmpty()
                && activity.rectificationDeadline() != null) {
            var policy = policies.of(activity.bureau());
            LocalDate deadline = activity.rectificationDeadline();
            for (int daysBefore : policy.rectificationDaysBefore()) {
                var at = policy.dueSoon(deadline, daysBefore);
                if (!at.toLocalDate().isBefore(book.today())) {
                    remind(activity, deadline, daysBefore, at);
                }
            }
        }
    }

    private void remind(ActivityLogged activity, LocalDate dueOn, int daysBefore, java.time.LocalDateTime at) {
        directory
                .branchSecretary(activity.bureau(), activity.branch())
                .ifPresent(secretary -> book.schedule(Reminder.scheduled(
                        ReminderBook.idOf(activity.id() + "|FOLLOW_UP|" + daysBefore + "|" + secretary.id()),
                        activity.bureau(),
                        activity.bureauPath(),
                        null,
                        activity.id(),
                        secretary.id(),
                        activity.type(),
                        null,
                        activity.branch(),
                        dueOn,
                        ReminderStage.FOLLOW_UP,
                        book.atOrNow(at),
                        book.channelsOf(activity.bureau(), secretary.id()))));
    }
}
