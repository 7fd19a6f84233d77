package io.firstsecretary.assessment.obligation;

import java.time.LocalDate;
import java.util.List;

/** An obligation as the API shows it, with its status as of today. */
record ObligationView(
        String id,
        String duty,
        String period,
        String assignee,
        String branch,
        LocalDate dueOn,
        ObligationStatus status,
        List<String> evidence) {

    static ObligationView of(Obligation o, LocalDate today) {
        return new ObligationView(
                o.id(), o.duty(), o.period(), o.assignee(), o.branch(), o.dueOn(), o.statusOn(today), o.evidence());
    }
}
