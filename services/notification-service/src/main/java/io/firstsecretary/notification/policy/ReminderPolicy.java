package io.firstsecretary.notification.policy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * When and to whom a bureau's reminders go, as data.
 *
 * @param dueSoonDays days before an obligation falls due that its assignee is reminded (at 09:00)
 * @param overdueDays days after the due day that the assignee is told it is overdue and the
 *     offices in {@code escalateTo} are escalated to
 * @param quietHours nothing is sent in them; a reminder that falls in them waits for their end.
 *     Absent: none
 * @param escalateTo roles escalated to when an obligation is overdue: {@code PARTY_BUILDING_OFFICE}
 *     (the bureau's party-building office) and {@code BRANCH_SECRETARY} (the branch's secretary)
 * @param guidanceFeedbackDays a guidance opinion (指导意见) asks the branch secretary to report back
 *     on it within this many days (点对点反馈)
 * @param rectificationDaysBefore days before an inspection's rectification deadline that the branch
 *     secretary is reminded of the findings
 * @param digest the weekly digest of open items per first secretary; absent: no digest
 */
public record ReminderPolicy(
        List<Integer> dueSoonDays,
        Integer overdueDays,
        QuietHours quietHours,
        List<String> escalateTo,
        Integer guidanceFeedbackDays,
        List<Integer> rectificationDaysBefore,
        Digest digest) {

    /** The hour of the day reminders go out. */
    public static final LocalTime AT = LocalTime.of(9, 0);

    public static final List<String> OFFICES = List.of("PARTY_BUILDING_OFFICE", "BRANCH_SECRETARY");

    public static final ReminderPolicy DEFAULT = new ReminderPolicy(
            List.of(14, 3),
            1,
            new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)),
            OFFICES,
            30,
            List.of(7, 1),
            new Digest(DayOfWeek.MONDAY, LocalTime.of(8, 30)));

    /** {@code from}–{@code to}, across midnight when {@code to} is earlier. */
    public record QuietHours(LocalTime from, LocalTime to) {

        boolean contains(LocalTime time) {
            return from.isBefore(to)
                    ? !time.isBefore(from) && time.isBefore(to)
                    : !time.isBefore(from) || time.isBefore(to);
        }
    }

    /** The weekly digest goes out on {@code day} at {@code at}. */
    public record Digest(DayOfWeek day, LocalTime at) {}

    /** The local time a reminder {@code daysBefore} {@code dueOn} goes out, moved past the quiet hours. */
    public LocalDateTime dueSoon(LocalDate dueOn, int daysBefore) {
        return outsideQuietHours(dueOn.minusDays(daysBefore).atTime(AT));
    }

    /** 09:00 on {@code day}, moved past the quiet hours. */
    public LocalDateTime on(LocalDate day) {
        return outsideQuietHours(day.atTime(AT));
    }

    /** The week's digest time for the week holding {@code day}, or null when there is no digest. */
    public LocalDateTime digestOfWeek(LocalDate day) {
        if (digest == null) {
            return null;
        }
        var monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return outsideQuietHours(
                monday.with(TemporalAdjusters.nextOrSame(digest.day())).atTime(digest.at()));
    }

    /** Whether nothing may be sent at {@code time}. */
    public boolean isQuiet(LocalTime time) {
        return quietHours != null && quietHours.contains(time);
    }

    private LocalDateTime outsideQuietHours(LocalDateTime at) {
        if (isQuiet(at.toLocalTime())) {
            LocalDateTime end = at.toLocalDate().atTime(quietHours.to());
            return end.isBefore(at) ? end.plusDays(1) : end;
        }
        return at;
    }
}
