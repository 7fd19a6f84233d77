package io.firstsecretary.contracts.assessment;

import java.time.LocalDate;
import java.util.List;

/**
 * An obligation's period closed unmet. Bureau-level duties (e.g. {@code BUREAU_MEETING_REPORT})
 * have no {@code assignee} or {@code branch}.
 */
public record ObligationOverdue(
        String id,
        String bureau,
        List<String> bureauPath,
        String duty,
        String period,
        String assignee,
        String branch,
        LocalDate dueOn) {}
