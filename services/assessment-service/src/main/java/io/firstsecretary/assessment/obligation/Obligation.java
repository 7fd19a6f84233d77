package io.firstsecretary.assessment.obligation;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * One duty × one period × one assignee. {@code windowStart}..{@code windowEnd} is the part of the
 * period inside the assignment's term: only work done then counts as evidence.
 */
record Obligation(
        @Id String id,
        String bureau,
        List<String> bureauPath,
        String duty,
        String period,
        String assignee,
        String branch,
        String assignment,
        LocalDate windowStart,
        LocalDate windowEnd,
        LocalDate dueOn,
        ObligationStatus status,
        List<String> evidence) {

    /** The status a reader sees today: an open obligation past its due date is overdue. */
    ObligationStatus statusOn(LocalDate today) {
        return status == ObligationStatus.OPEN && today.isAfter(dueOn) ? ObligationStatus.OVERDUE : status;
    }
}
