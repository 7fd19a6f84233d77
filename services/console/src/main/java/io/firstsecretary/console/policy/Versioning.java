package io.firstsecretary.console.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.validation.Errors;

/**
 * What the catalogue and the scoring policy share: numbering a new version, how each saved one stands
 * today, and the day a new one applies from.
 *
 * <p>The API files a version under its number and overwrites one saved under the same number, history
 * included, so the console never reuses one: a new version takes the next number of its year (2026.3
 * after 2026.2).
 */
final class Versioning {

    /** How a bureau's own version stands today. */
    enum Standing {
        CURRENT,
        PENDING,
        PAST
    }

    record Entry(String version, LocalDate effectiveFrom, Instant savedAt, Standing standing) {}

    private Versioning() {}

    /** The number a version applying from {@code effectiveFrom} is saved under: the year's next. */
    static String next(LocalDate effectiveFrom, Version inForce, List<? extends Version> own) {
        var numbered = Pattern.compile(effectiveFrom.getYear() + "\\.(\\d{1,6})");
        int last = Stream.concat(own.stream(), Stream.of(inForce))
                .map(v -> numbered.matcher(v.version()))
                .filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1)))
                .max()
                .orElse(0);
        return effectiveFrom.getYear() + "." + (last + 1);
    }

    /** The bureau's own versions, the latest first. */
    static List<Entry> history(List<? extends Version> own, Version inForce, LocalDate today) {
        Comparator<Version> order = Comparator.comparing(Version::effectiveFrom).thenComparing(Version::savedAt);
        return own.stream()
                .sorted(order.reversed())
                .map(v -> new Entry(v.version(), v.effectiveFrom(), v.savedAt(), standing(v, inForce, today)))
                .toList();
    }

    /** Whose the version in force is: {@code own}, {@code inherited} from a bureau above, or the {@code default}. */
    static String source(Version inForce, String bureau) {
        if (inForce.bureau() == null) {
            return "default";
        }
        return inForce.bureau().equals(bureau) ? "own" : "inherited";
    }

    /** The first day of next month, when a change made today most naturally applies. */
    static LocalDate startOfNextMonth(LocalDate today) {
        return today.withDayOfMonth(1).plusMonths(1);
    }

    /**
     * A new version must apply from a real day, and not before the version in force: the earlier day would
     * leave that version in force and the change unseen.
     */
    static void checkEffectiveFrom(String value, LocalDate inForceFrom, Errors errors, String prefix) {
        LocalDate day = day(value);
        if (day == null || day.getYear() < 2000 || day.getYear() > 2100) {
            errors.rejectValue("effectiveFrom", prefix + ".error.effectiveFrom");
        } else if (day.isBefore(inForceFrom)) {
            errors.rejectValue("effectiveFrom", prefix + ".error.effectiveFrom.early");
        }
    }

    /** A day as {@code <input type="date">} sends it, or null for anything else. */
    static LocalDate day(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Standing standing(Version version, Version inForce, LocalDate today) {
        if (version.version().equals(inForce.version()) && version.bureau().equals(inForce.bureau())) {
            return Standing.CURRENT;
        }
        return version.effectiveFrom().isAfter(today) ? Standing.PENDING : Standing.PAST;
    }
}
