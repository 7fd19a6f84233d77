package io.firstsecretary.assessment.catalogue;

import io.firstsecretary.assessment.period.Cadence;
import io.firstsecretary.assessment.period.Period;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * One duty of the catalogue: owed on a cadence and fulfilled by an activity of a given type.
 *
 * @param dueBy for yearly duties due early in the year (年初承诺), the day they fall due; otherwise
 *     a duty is due on the last day of its period
 * @param creditedTo who an activity of that type counts for: its actor, the lecturer of a party
 *     lecture, or each attendee of a meeting (the first secretary's 双重组织生活)
 */
public record Duty(String code, String name, Cadence cadence, String fulfilledBy, MonthDay dueBy, Credit creditedTo) {

    /** Who an activity counts for. */
    public enum Credit {
        ACTOR,
        LECTURER,
        ATTENDEE
    }

    public LocalDate dueOn(Period period) {
        return dueBy == null ? period.end() : dueBy.atYear(period.year());
    }
}
