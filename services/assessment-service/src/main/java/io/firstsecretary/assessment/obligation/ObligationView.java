package io.firstsecretary.assessment.obligation;

import java.time.LocalDate;
import java.util.List;

/**
 * An obligation as the API shows it.
 *
 * @param required for talk duties, who must be talked with
 * @param missing for talk duties, who has not been yet
 * @param waiver why and by whom it was waived, if it was
 */
public record ObligationView(
        String id,
        String duty,
        String period,
        String owedBy,
        String assignee,
        String branch,
        LocalDate dueOn,
        ObligationStatus status,
        List<String> evidence,
        LocalDate completedOn,
        List<String> required,
        List<String> missing,
        Obligation.Waiver waiver) {

    static ObligationView of(Obligation o) {
        return of(o, null);
    }

    /** As of {@code today}: an open obligation whose due day has passed shows as overdue before the clock's sweep marks it. */
    static ObligationView of(Obligation o, LocalDate today) {
        var status = o.status() == ObligationStatus.OPEN && today != null && today.isAfter(o.dueOn())
                ? ObligationStatus.OVERDUE
                : o.status();
        return new ObligationView(
                o.id(),
                o.duty(),
                o.period(),
                o.owedBy(),
                o.assignee(),
                o.branch(),
                o.dueOn(),
                status,
                o.evidence(),
                o.completedOn(),
                o.required(),
                o.missing(),
                o.waiver());
    }
}
