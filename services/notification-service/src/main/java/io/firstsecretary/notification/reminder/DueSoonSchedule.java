package io.firstsecretary.notification.reminder;

import io.firstsecretary.notification.policy.ReminderPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * When to remind an assignee that an obligation falls due, under the bureau's policy: a number of
 * days before the due day, at 09:00 in the bureau's zone, after the quiet hours. Times already past
 * are not scheduled.
 */
final class DueSoonSchedule {

    private DueSoonSchedule() {}

    static List<Reminding> remindersFor(ReminderPolicy policy, LocalDate dueOn, Clock clock) {
        Instant now = clock.instant();
        return policy.dueSoonDays().stream()
                .map(days -> new Reminding(
                        days,
                        policy.dueSoon(dueOn, days).atZone(clock.getZone()).toInstant()))
                .filter(r -> r.at().isAfter(now))
                .toList();
    }

    /** One reminder of the schedule: {@code daysBefore} the due date, at {@code at}. */
    record Reminding(int daysBefore, Instant at) {}
}
