package io.firstsecretary.contracts.assessment;

import java.time.LocalDate;
import java.util.List;

/**
 * An open or overdue obligation's due day moved from {@code previousDueOn} to {@code dueOn}, e.g.
 * its first secretary's term now ends first: reminders move with it.
 */
public record ObligationRescheduled(
        String id,
        String bureau,
        List<String> bureauPath,
        String duty,
        String period,
        String assignee,
        String branch,
        LocalDate dueOn,
        LocalDate previousDueOn,
        String owedBy) {}
