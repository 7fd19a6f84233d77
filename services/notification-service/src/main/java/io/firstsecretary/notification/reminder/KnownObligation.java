package io.firstsecretary.notification.reminder;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;

/** An obligation reminders are kept for, with its current due day, so they can be rescheduled. */
record KnownObligation(
        @Id String id,
        String bureau,
        List<String> bureauPath,
        String duty,
        String period,
        String assignee,
        String branch,
        LocalDate dueOn) {}
