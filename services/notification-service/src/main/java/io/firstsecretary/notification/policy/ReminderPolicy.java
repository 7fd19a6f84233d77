package io.firstsecretary.notification.policy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * When a bureau's first secretaries are reminded: {@code dueSoonDays} before an obligation falls due
 * (at 09:00), {@code overdueDays} after it went unmet, and never in the quiet hours (a reminder that
 * would fall in them waits for their end). {@code quietHours} absent: none.
 */
public record ReminderPolicy(List<Integer> dueSoonDays, Integer overdueDays, QuietHours quietHours) {

    /** The hour of the day reminders go out. */
    public static final LocalTime AT = LocalTime.of(9, 0);

    public static final ReminderPolicy DEFAULT =
            new ReminderPolicy(List.of(14, 3), 1, new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)));

    /** {@code from}–{@code to}, across midnight when {@code to} is earlier. */
    public record QuietHours(LocalTime from, LocalTime to) {

        boolean contains(LocalTime time) {
            return from.isBefore(to)
                    ? !time.isBefore(from) && time.isBefore(to)
                    : !time.isBefore(from) || time.isBefore(to);
        }
    }

    /** The local time a reminder {@code daysBefore} {@code dueOn} goes out, moved past the quiet hours. */
    public LocalDateTime dueSoon(LocalDate dueOn, int daysBefore) {
        LocalDateTime at = dueOn.minusDays(daysBefore).atTime(AT);
        if (quietHours != null && quietHours.contains(at.toLocalTime())) {
            LocalDateTime end = at.toLocalDate().atTime(quietHours.to());
            at = end.isBefore(at) ? end.plusDays(1) : end;
        }
        return at;
    }
}
