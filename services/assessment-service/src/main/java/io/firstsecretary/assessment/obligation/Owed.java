package io.firstsecretary.assessment.obligation;

import io.firstsecretary.assessment.catalogue.Duty;
import io.firstsecretary.assessment.period.Period;
import java.time.LocalDate;
import java.util.List;

/**
 * An obligation that is owed: one duty × one period × one owner, with the window in which work
 * counts as evidence (the part of the period inside the assignment's term) and the due day.
 *
 * @param scopeKey the assignment, bureau or branch the obligation is owed per
 * @param assignee the first secretary (also for the bureau's review of them); absent otherwise
 * @param optional the term covers too little of the period to owe it: it exists only if met
 */
public record Owed(
        String id,
        Duty duty,
        Period period,
        String bureau,
        List<String> bureauPath,
        String scopeKey,
        String assignee,
        String branch,
        LocalDate windowStart,
        LocalDate windowEnd,
        LocalDate dueOn,
        boolean optional) {}
