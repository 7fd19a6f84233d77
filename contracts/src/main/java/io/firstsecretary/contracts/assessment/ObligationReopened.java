package io.firstsecretary.contracts.assessment;

import java.time.LocalDate;
import java.util.List;

/**
 * A met obligation is owed again because its evidence was voided or corrected away; {@code
 * evidence} is what remains (empty).
 */
public record ObligationReopened(
        String id,
        String bureau,
        List<String> bureauPath,
        String duty,
        String period,
        String assignee,
        String branch,
        LocalDate dueOn,
        String reason,
        List<String> evidence) {}
