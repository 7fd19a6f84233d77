package io.firstsecretary.assessment.obligation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An obligation as its bureau's year lists it: what the list filters and sorts by, and its id. A
 * bureau's year is one document of these entries, so a page of obligations is the sorted entries'
 * slice and the documents of that page only, however many the year holds.
 *
 * <p>The entry is the fields joined by a space, which sorts below every character a code, a duty or
 * a period may hold: entries in string order are in {@link Obligations#BY_DUE_DAY} order, an absent
 * assignee or branch first.
 */
record Listing(LocalDate dueOn, String duty, String assignee, String branch, String period, String id) {

    private static final String SEPARATOR = " ";

    static Listing of(Obligation o) {
        return new Listing(o.dueOn(), o.duty(), o.assignee(), o.branch(), o.period(), o.id());
    }

    static Listing parse(String entry) {
        var parts = entry.split(SEPARATOR, -1);
        if (parts.length != 6) {
            throw new IllegalArgumentException("Not an obligation listing: " + entry);
        }
        return new Listing(
                LocalDate.parse(parts[0]), parts[1], blankAsNull(parts[2]), blankAsNull(parts[3]), parts[4], parts[5]);
    }

    String entry() {
        return String.join(
                SEPARATOR,
                dueOn.toString(),
                duty,
                Objects.requireNonNullElse(assignee, ""),
                Objects.requireNonNullElse(branch, ""),
                period,
                id);
    }

    private static String blankAsNull(String part) {
        return part.isEmpty() ? null : part;
    }
}
