package io.firstsecretary.notification.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.firstsecretary.kit.web.FieldError;
import io.firstsecretary.kit.web.UnprocessableException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * The policy as the API shows it: times as {@code "HH:mm"}, {@code quietHours} and {@code digest}
 * null (or, on a PUT, absent) for none. On a PUT, {@code dueSoonDays} and {@code overdueDays} are
 * required; {@code escalateTo}, {@code guidanceFeedbackDays} and {@code rectificationDaysBefore} keep
 * their defaults when absent.
 */
record PolicyView(
        List<Integer> dueSoonDays,
        Integer overdueDays,
        @JsonInclude(JsonInclude.Include.ALWAYS) Span quietHours,
        List<String> escalateTo,
        Integer guidanceFeedbackDays,
        List<Integer> rectificationDaysBefore,
        @JsonInclude(JsonInclude.Include.ALWAYS) Weekly digest) {

    record Span(String from, String to) {}

    record Weekly(String day, String at) {}

    static PolicyView of(ReminderPolicy p) {
        var q = p.quietHours();
        var d = p.digest();
        return new PolicyView(
                p.dueSoonDays(),
                p.overdueDays(),
                q == null ? null : new Span(q.from().toString(), q.to().toString()),
                p.escalateTo(),
                p.guidanceFeedbackDays(),
                p.rectificationDaysBefore(),
                d == null ? null : new Weekly(d.day().name(), d.at().toString()));
    }

    /** The policy this view describes; a {@code PUT} body is {@linkplain #validated() validated} first. */
    ReminderPolicy toPolicy() {
        var defaults = ReminderPolicy.DEFAULT;
        return new ReminderPolicy(
                dueSoonDays.stream().sorted(Comparator.reverseOrder()).toList(),
                overdueDays,
                quietHours == null
                        ? null
                        : new ReminderPolicy.QuietHours(
                                LocalTime.parse(quietHours.from()), LocalTime.parse(quietHours.to())),
                escalateTo == null ? defaults.escalateTo() : escalateTo,
                guidanceFeedbackDays == null ? defaults.guidanceFeedbackDays() : guidanceFeedbackDays,
                rectificationDaysBefore == null
                        ? defaults.rectificationDaysBefore()
                        : rectificationDaysBefore.stream()
                                .sorted(Comparator.reverseOrder())
                                .toList(),
                digest == null
                        ? null
                        : new ReminderPolicy.Digest(
                                DayOfWeek.valueOf(digest.day().toUpperCase(Locale.ROOT)),
                                LocalTime.parse(digest.at())));
    }

    /** This body with every error named by its field, or a 422 listing them all. */
    PolicyView validated() {
        var errors = new ArrayList<FieldError>();
        if (dueSoonDays == null) {
            errors.add(FieldError.of("dueSoonDays", "dueSoonDays is required (an empty list for no reminders)"));
        } else {
            days("dueSoonDays", dueSoonDays, 90, errors);
        }
        if (overdueDays == null || overdueDays < 0 || overdueDays > 30) {
            errors.add(FieldError.of("overdueDays", "overdueDays must be between 0 and 30"));
        }
        if (quietHours != null) {
            var from = time("quietHours.from", quietHours.from(), errors);
            var to = time("quietHours.to", quietHours.to(), errors);
            if (from != null && from.equals(to)) {
                errors.add(FieldError.of("quietHours.to", "quiet hours must not start and end at the same time"));
            }
        }
        if (escalateTo != null && escalateTo.size() > ReminderPolicy.OFFICES.size()) {
            errors.add(FieldError.of("escalateTo", "at most " + ReminderPolicy.OFFICES.size() + " offices"));
        } else if (escalateTo != null) {
            for (int i = 0; i < escalateTo.size(); i++) {
                if (!ReminderPolicy.OFFICES.contains(escalateTo.get(i))) {
                    errors.add(FieldError.of(
                            "escalateTo[" + i + "]", "must be one of " + String.join(", ", ReminderPolicy.OFFICES)));
                }
            }
        }
        if (guidanceFeedbackDays != null && (guidanceFeedbackDays < 1 || guidanceFeedbackDays > 180)) {
            errors.add(FieldError.of("guidanceFeedbackDays", "guidanceFeedbackDays must be between 1 and 180"));
        }
        if (rectificationDaysBefore != null) {
            days("rectificationDaysBefore", rectificationDaysBefore, 90, errors);
        }
        if (digest != null) {
            try {
                DayOfWeek.valueOf(String.valueOf(digest.day()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("digest.day", "digest.day must be a day of the week like MONDAY"));
            }
            time("digest.at", digest.at(), errors);
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException(errors);
        }
        return this;
    }

    private static void days(String field, List<Integer> days, int most, List<FieldError> errors) {
        if (days.size() > 5) {
            errors.add(FieldError.of(field, "at most 5 reminders"));
            return;
        }
        var seen = new HashSet<Integer>();
        for (int i = 0; i < days.size(); i++) {
            Integer d = days.get(i);
            if (d == null || d < 1 || d > most) {
                errors.add(FieldError.of(field + "[" + i + "]", "must be between 1 and " + most + " days"));
            } else if (!seen.add(d)) {
                errors.add(FieldError.of(field + "[" + i + "]", d + " appears twice"));
            }
        }
    }

    private static LocalTime time(String field, String text, List<FieldError> errors) {
        try {
            if (text != null && text.matches("^\\d{2}:\\d{2}$")) {
                return LocalTime.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(FieldError.of(field, field + " must be a time like 22:00"));
        return null;
    }
}
