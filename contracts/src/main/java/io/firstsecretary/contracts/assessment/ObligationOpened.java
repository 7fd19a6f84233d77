package io.firstsecretary.contracts.assessment;

import java.time.LocalDate;
import java.util.List;

/** A duty became owed: one duty × one period × one assignee, due on {@code dueOn}. */
public record ObligationOpened(
        String id,
        String bureau,
        List<String> bureauPath,
        String duty,
        String period,
        String assignee,
        String branch,
        LocalDate dueOn) {}
