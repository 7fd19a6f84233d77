package io.firstsecretary.contracts.assessment;

import java.time.LocalDate;
import java.util.List;

/** An obligation was met ({@code MET} or {@code MET_LATE}); {@code evidence} lists activity ids. */
public record ObligationFulfilled(
        String id,
        String bureau,
        List<String> bureauPath,
        String duty,
        String period,
        String assignee,
        String branch,
        LocalDate dueOn,
        String status,
        List<String> evidence) {}
