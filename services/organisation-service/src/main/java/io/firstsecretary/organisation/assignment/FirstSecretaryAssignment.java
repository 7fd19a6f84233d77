package io.firstsecretary.organisation.assignment;

import java.time.LocalDate;
import org.springframework.data.annotation.Id;

/**
 * A party-committee member appointed first secretary (第一书记) of a branch for a term; an
 * open-ended term has no {@code to}. The id is {@code bureau:branch:from}: one term per branch and
 * start date. {@code endReason} says why a term ended early.
 */
public record FirstSecretaryAssignment(
        @Id String id,
        String bureau,
        String member,
        String name,
        String branch,
        LocalDate from,
        LocalDate to,
        String endReason) {

    boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
        return (to == null || !otherFrom.isAfter(to)) && (otherTo == null || !otherTo.isBefore(from));
    }

    boolean activeOn(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }
}
