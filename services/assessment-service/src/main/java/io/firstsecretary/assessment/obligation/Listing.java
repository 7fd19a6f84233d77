package io.firstsecretary.assessment.obligation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An obligation as its bureau's year lists it: what lists filter and sort by, what compliance
 * counts and scores, and its id. A bureau's year is one document of these ({@link Listings}), so a page of
 * obligations is the sorted listings' slice and that page's documents only, and a count by status
 * reads no obligation at all.
 *
 * <p>The entry is the fields joined by a space, which sorts below every character a code, a duty, a
 * period or a status may hold: entries in string order are in {@link Obligations#BY_DUE_DAY} order,
 * an absent assignee or branch first.
 *
 * @param status as stored; {@link #statusOn} is as the API shows it
 * @param completedOn when met, the day the work that met it was done
 * @param required for a duty owed to named people (talk coverage), how many it names; absent
 *     otherwise, and in listings written before it was listed
 * @param covered of those, how many the evidence covers
 */
public record Listing(
        LocalDate dueOn,
        String duty,
        String assignee,
        String branch,
        String period,
        ObligationStatus status,
        String owedBy,
        LocalDate completedOn,
        String id,
        Integer required,
        Integer covered) {

    private static final String SEPARATOR = " ";
    private static final int FIELDS = 11;
    /** Listings written before the coverage counts were listed end at the id. */
    private static final int FIELDS_BEFORE_COVERAGE = 9;

    static Listing of(Obligation o) {
        Integer required = o.required() == null ? null : o.required().size();
        Integer covered = required == null
                ? null
                : required - (o.missing() == null ? 0 : o.missing().size());
        return new Listing(
                o.dueOn(),
                o.duty(),
                o.assignee(),
                o.branch(),
                o.period(),
                o.status(),
                o.owedBy(),
                o.completedOn(),
                o.id(),
                required,
                covered);
    }

    static Listing parse(String entry) {
        var parts = entry.split(SEPARATOR, -1);
        if (parts.length != FIELDS && parts.length != FIELDS_BEFORE_COVERAGE) {
            throw new IllegalArgumentException("Not an obligation listing: " + entry);
        }
        return new Listing(
                LocalDate.parse(parts[0]),
                parts[1],
                blankAsNull(parts[2]),
                blankAsNull(parts[3]),
                parts[4],
                ObligationStatus.valueOf(parts[5]),
                parts[6],
                parts[7].isEmpty() ? null : LocalDate.parse(parts[7]),
                parts[8],
                parts.length == FIELDS ? count(parts[9]) : null,
                parts.length == FIELDS ? count(parts[10]) : null);
    }

    String entry() {
        return String.join(
                SEPARATOR,
                dueOn.toString(),
                duty,
                Objects.requireNonNullElse(assignee, ""),
                Objects.requireNonNullElse(branch, ""),
                period,
                status.name(),
                owedBy,
                completedOn == null ? "" : completedOn.toString(),
                id,
                required == null ? "" : required.toString(),
                covered == null ? "" : covered.toString());
    }

    /** The status as of {@code today}, as {@link ObligationView#of(Obligation, LocalDate)} shows it. */
    public ObligationStatus statusOn(LocalDate today) {
        return status == ObligationStatus.OPEN && today.isAfter(dueOn) ? ObligationStatus.OVERDUE : status;
    }

    private static Integer count(String part) {
        return part.isEmpty() ? null : Integer.valueOf(part);
    }

    private static String blankAsNull(String part) {
        return part.isEmpty() ? null : part;
    }
}
