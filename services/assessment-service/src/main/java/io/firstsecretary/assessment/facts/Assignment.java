package io.firstsecretary.assessment.facts;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;

/** A first-secretary assignment (第一书记任职): a member, a branch and a term; {@code to} open-ended if absent. */
public record Assignment(
        @Id String id,
        String bureau,
        List<String> bureauPath,
        String member,
        String memberName,
        String branch,
        LocalDate from,
        LocalDate to) {

    /** The last day of the term within {@code year}. */
    public LocalDate endWithin(int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        return to == null || to.isAfter(end) ? end : to;
    }
}
