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
 */
public record Duty(String code, String name, Cadence cadence, String fulfilledBy, MonthDay dueBy) {

    public LocalDate dueOn(Period period) {
        return dueBy == null ? period.end() : dueBy.atYear(period.year());
    }
}
