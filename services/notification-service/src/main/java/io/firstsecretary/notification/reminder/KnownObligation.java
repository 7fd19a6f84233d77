package io.firstsecretary.notification.reminder;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * An obligation a first secretary owes, with its current due day, so its reminders can be
 * rescheduled and it can appear in digests and calendars. {@code closed} once fulfilled or waived.
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
        boolean closed) {}
