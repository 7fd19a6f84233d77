package io.firstsecretary.contracts.assessment;

import java.time.LocalDate;
import java.util.List;

/** An obligation is no longer owed, e.g. its assignee's term ended before its period began. */
public record ObligationWaived(
        String id,
        String bureau,
        List<String> bureauPath,
        String duty,
        String period,
        String assignee,
        String branch,
        LocalDate dueOn,
        String reason) {}
