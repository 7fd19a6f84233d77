package io.firstsecretary.assessment.obligation;

import java.time.LocalDate;
import java.util.List;

/**
 * What the evidence says of an owed obligation.
 *
 * @param evidence the records that count: activity ids, a review or a filed report
 * @param completedOn the day the platform knew the obligation was fulfilled
 * @param required for talk duties, who had to be talked with; empty otherwise
 * @param missing for talk duties, who has not yet been
 */
public record Assessed(
        Owed owed,
        boolean met,
        LocalDate completedOn,
        List<String> evidence,
        List<String> required,
        List<String> missing) {

    public boolean late() {
        return met && completedOn.isAfter(owed.dueOn());
    }

    /** The status on {@code today}, before any waiver. */
    public ObligationStatus statusOn(LocalDate today) {
        if (met) {
            return late() ? ObligationStatus.MET_LATE : ObligationStatus.MET;
        }
        return today.isAfter(owed.dueOn()) ? ObligationStatus.OVERDUE : ObligationStatus.OPEN;
    }

    /** The share of required people talked with (1 for a met obligation of another rule). */
    public double coverage() {
        if (required.isEmpty()) {
            return met ? 1 : 0;
        }
        return (double) (required.size() - missing.size()) / required.size();
    }
}
