package io.firstsecretary.console.integrations;

import java.util.List;

/**
 * A bureau's reminder policy as the notification service shows and takes it: times as {@code HH:mm},
 * {@code quietHours} and {@code digest} null for none, an empty list for no reminders of that kind.
 */
record Policy(
        List<Integer> dueSoonDays,
        Integer overdueDays,
        Span quietHours,
        List<String> escalateTo,
        Integer guidanceFeedbackDays,
        List<Integer> rectificationDaysBefore,
        Weekly digest) {

    Policy {
        dueSoonDays = dueSoonDays == null ? List.of() : dueSoonDays;
        escalateTo = escalateTo == null ? List.of() : escalateTo;
        rectificationDaysBefore = rectificationDaysBefore == null ? List.of() : rectificationDaysBefore;
    }

    /** {@code from}–{@code to}, across midnight when {@code to} is earlier. */
    record Span(String from, String to) {}

    /** The weekly digest goes out on {@code day} ({@code MONDAY}…) at {@code at}. */
    record Weekly(String day, String at) {}
}
