package io.firstsecretary.console.integrations;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.validation.Errors;

/**
 * The 提醒规则 form: each setting of the bureau's policy as the office types it, lists of days as
 * {@code 14、3}, times as {@code 22:00}. Blank quiet hours, or no digest day, is none.
 */
record PolicyForm(
        String dueSoonDays,
        String overdueDays,
        String quietFrom,
        String quietTo,
        List<String> escalateTo,
        String guidanceFeedbackDays,
        String rectificationDaysBefore,
        String digestDay,
        String digestAt) {

    static final List<String> OFFICES = List.of("PARTY_BUILDING_OFFICE", "BRANCH_SECRETARY");
    static final List<String> DAYS =
            Arrays.stream(DayOfWeek.values()).map(Enum::name).toList();

    // the notification service's own limits, checked here first to answer in Chinese
    static final int MOST_REMINDERS = 5;
    static final int MOST_DAYS_BEFORE = 90;
    static final int MOST_OVERDUE_DAYS = 30;
    static final int MOST_FEEDBACK_DAYS = 180;

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,，、;；]+");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    PolicyForm {
        escalateTo = escalateTo == null ? List.of() : List.copyOf(escalateTo);
    }

    static PolicyForm of(Policy policy) {
        var quiet = policy.quietHours();
        var digest = policy.digest();
        return new PolicyForm(
                joined(policy.dueSoonDays()),
                text(policy.overdueDays()),
                quiet == null ? "" : quiet.from(),
                quiet == null ? "" : quiet.to(),
                policy.escalateTo(),
                text(policy.guidanceFeedbackDays()),
                joined(policy.rectificationDaysBefore()),
                digest == null ? "" : digest.day(),
                digest == null ? "" : digest.at());
    }

    /** What the office can get wrong, found before the API is asked, with the messages' keys. */
    void validate(Errors errors) {
        validateDays("dueSoonDays", dueSoonDays, errors);
        validateNumber("overdueDays", overdueDays, 0, MOST_OVERDUE_DAYS, errors);
        if (!blank(quietFrom) || !blank(quietTo)) {
            var from = validateTime("quietFrom", quietFrom, errors);
            var to = validateTime("quietTo", quietTo, errors);
            if (from != null && from.equals(to)) {
                errors.rejectValue("quietTo", "policy.error.sameTime");
            }
        }
        validateNumber("guidanceFeedbackDays", guidanceFeedbackDays, 1, MOST_FEEDBACK_DAYS, errors);
        validateDays("rectificationDaysBefore", rectificationDaysBefore, errors);
        if (!blank(digestDay)) {
            if (!DAYS.contains(digestDay)) {
                errors.rejectValue("digestDay", "policy.error.day");
            }
            validateTime("digestAt", digestAt, errors);
        }
    }

    /** The policy to send, once {@link #validate} found nothing wrong. */
    Policy policy() {
        return new Policy(
                days(dueSoonDays),
                Integer.valueOf(overdueDays.strip()),
                blank(quietFrom) ? null : new Policy.Span(hhmm(quietFrom), hhmm(quietTo)),
                OFFICES.stream().filter(escalateTo::contains).toList(),
                Integer.valueOf(guidanceFeedbackDays.strip()),
                days(rectificationDaysBefore),
                blank(digestDay) ? null : new Policy.Weekly(digestDay, hhmm(digestAt)));
    }

    /** The form field an API error names ({@code quietHours.to} is {@code quietTo}), or null for none. */
    static String fieldOf(String apiField) {
        return switch (apiField) {
            case "dueSoonDays", "overdueDays", "escalateTo", "guidanceFeedbackDays", "rectificationDaysBefore" ->
                apiField;
            case "quietHours", "quietHours.from" -> "quietFrom";
            case "quietHours.to" -> "quietTo";
            case "digest", "digest.day" -> "digestDay";
            case "digest.at" -> "digestAt";
            default -> null;
        };
    }

    private static void validateDays(String field, String text, Errors errors) {
        var tokens = tokens(text);
        if (tokens.size() > MOST_REMINDERS) {
            errors.rejectValue(field, "policy.error.tooMany", new Object[] {MOST_REMINDERS}, null);
            return;
        }
        var seen = new HashSet<Integer>();
        for (String token : tokens) {
            Integer day = integer(token);
            if (day == null || day < 1 || day > MOST_DAYS_BEFORE) {
                errors.rejectValue(field, "policy.error.days", new Object[] {MOST_DAYS_BEFORE}, null);
                return;
            }
            if (!seen.add(day)) {
                errors.rejectValue(field, "policy.error.twice", new Object[] {day}, null);
                return;
            }
        }
    }

    private static void validateNumber(String field, String text, int least, int most, Errors errors) {
        Integer number = integer(text);
        if (blank(text)) {
            errors.rejectValue(field, "validation.required");
        } else if (number == null || number < least || number > most) {
            errors.rejectValue(field, "policy.error.range", new Object[] {least, most}, null);
        }
    }

    private static LocalTime validateTime(String field, String text, Errors errors) {
        if (blank(text)) {
            errors.rejectValue(field, "validation.required");
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "policy.error.time");
            return null;
        }
    }

    private static List<String> tokens(String text) {
        if (blank(text)) {
            return List.of();
        }
        return Arrays.stream(SEPARATORS.split(text.strip()))
                .filter(t -> !t.isEmpty())
                .toList();
    }

    private static List<Integer> days(String text) {
        return tokens(text).stream().map(Integer::valueOf).toList();
    }

    private static Integer integer(String text) {
        return text != null && text.strip().matches("\\d{1,4}") ? Integer.valueOf(text.strip()) : null;
    }

    /** {@code <input type="time">} may send seconds; the API takes {@code HH:mm}. */
    private static String hhmm(String text) {
        return LocalTime.parse(text.strip()).format(HH_MM);
    }

    private static String joined(List<Integer> days) {
        return days.stream().map(String::valueOf).collect(Collectors.joining("、"));
    }

    private static String text(Integer number) {
        return number == null ? "" : number.toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
