package io.firstsecretary.notification.reminder;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.firstsecretary.notification.preference.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * One message to one recipient at one time: about an obligation (due soon, overdue, escalated),
 * about logged work (a follow-up), or about all of a first secretary's open items (the weekly digest).
 *
 * @param bureau the bureau of the work, and of the recipient
 * @param dueOn the day the work is due
 * @param releasedAt when the dispatcher turned it into deliveries; absent while it is still to come
 */
public record Reminder(
        @Id String id,
        String bureau,
        @JsonIgnore List<String> bureauPath,
        String obligation,
        String activity,
        String recipient,
        String duty,
        String period,
        String branch,
        LocalDate dueOn,
        ReminderStage stage,
        Instant scheduledFor,
        ReminderStatus status,
        List<Channel> channels,
        @JsonIgnore Instant releasedAt) {

    /** A new reminder, not yet released. */
    public static Reminder scheduled(
            String id,
            String bureau,
            List<String> bureauPath,
            String obligation,
            String activity,
            String recipient,
            String duty,
            String period,
            String branch,
            LocalDate dueOn,
            ReminderStage stage,
            Instant at,
            List<Channel> channels) {
        return new Reminder(
                id,
                bureau,
                bureauPath,
                obligation,
                activity,
                recipient,
                duty,
                period,
                branch,
                dueOn,
                stage,
                at,
                ReminderStatus.SCHEDULED,
                channels,
                null);
    }

    Reminder movedTo(Instant at, LocalDate due) {
        return new Reminder(
                id,
                bureau,
                bureauPath,
                obligation,
                activity,
                recipient,
                duty,
                period,
                branch,
                due,
                stage,
                at,
                status,
                channels,
                releasedAt);
    }
}
