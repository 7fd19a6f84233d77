package io.firstsecretary.notification.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * When to remind an assignee that an obligation falls due: a number of days before the due date,
 * at a civil hour in the bureau's zone. Times already past are not scheduled.
 */
record DueSoonSchedule(List<Integer> daysBefore, LocalTime at) {

    static final DueSoonSchedule DEFAULT = new DueSoonSchedule(List.of(14, 3), LocalTime.of(9, 0));

    List<Reminding> remindersFor(LocalDate dueOn, Clock clock) {
        Instant now = clock.instant();
        return daysBefore.stream()
                .map(days -> new Reminding(
                        days,
                        dueOn.minusDays(days).atTime(at).atZone(clock.getZone()).toInstant()))
                .filter(r -> r.at().isAfter(now))
                .toList();
    }

    /** One reminder of the schedule: {@code daysBefore} the due date, at {@code at}. */
    record Reminding(int daysBefore, Instant at) {}
}
