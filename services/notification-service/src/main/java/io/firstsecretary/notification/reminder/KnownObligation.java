package io.firstsecretary.notification.reminder;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * An obligation a first secretary owes, with its current due day, so its reminders can be
 * rescheduled and it can appear in digests and calendars. {@code closed} once fulfilled or waived;
 * {@code reminders} are the ids of every reminder about it, so they are found without a search.
 */
public record KnownObligation(
        @Id String id,
        String bureau,
        List<String> bureauPath,
        String duty,
        String period,
        String assignee,
        String branch,
        LocalDate dueOn,
        boolean closed,
        List<String> reminders) {

    List<String> reminderIds() {
        return reminders == null ? List.of() : reminders;
    }
}
