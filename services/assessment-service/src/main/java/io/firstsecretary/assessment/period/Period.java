package io.firstsecretary.assessment.period;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A calendar period in Asia/Shanghai: year {@code 2026}, half {@code 2026-H1}, quarter {@code
 * 2026-Q1} or month {@code 2026-03}. All period arithmetic of the platform lives here.
 *
 * @param index 1-based position of the period within its year
 */
public record Period(int year, Cadence cadence, int index) implements Comparable<Period> {

    /** Periods, due days and "today" are reckoned in Asia/Shanghai. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Pattern FORMAT = Pattern.compile("^(\\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$");

    public Period {
        if (index < 1 || index > cadence.periodsPerYear()) {
            throw new IllegalArgumentException("No " + cadence + " " + index + " in a year");
        }
    }

    public static Period containing(Cadence cadence, LocalDate date) {
        return new Period(date.getYear(), cadence, (date.getMonthValue() - 1) / cadence.months() + 1);
    }

    public static Period parse(String text) {
        var m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a period: " + text);
        }
        int year = Integer.parseInt(m.group(1));
        String part = m.group(2);
        if (part == null) {
            return new Period(year, Cadence.YEAR, 1);
        }
        return switch (part.charAt(0)) {
            case 'H' -> new Period(year, Cadence.HALF_YEAR, part.charAt(1) - '0');
            case 'Q' -> new Period(year, Cadence.QUARTER, part.charAt(1) - '0');
            default -> new Period(year, Cadence.MONTH, Integer.parseInt(part));
        };
    }

    /** The periods of {@code cadence} that share at least one day with {@code [from, to]}. */
    public static List<Period> overlapping(Cadence cadence, LocalDate from, LocalDate to) {
        var periods = new ArrayList<Period>();
        if (to.isBefore(from)) {
            return periods;
        }
        for (Period p = containing(cadence, from); !p.start().isAfter(to); p = p.next()) {
            periods.add(p);
        }
        return periods;
    }

    /** Every period of {@code cadence} in {@code year}, in order. */
    public static List<Period> ofYear(Cadence cadence, int year) {
        var periods = new ArrayList<Period>();
        for (int i = 1; i <= cadence.periodsPerYear(); i++) {
            periods.add(new Period(year, cadence, i));
        }
        return periods;
    }

    /** Whether this period lies within {@code other} (a month within its quarter, a quarter within its year). */
    public boolean within(Period other) {
        return !start().isBefore(other.start()) && !end().isAfter(other.end());
    }

    public LocalDate start() {
        return LocalDate.of(year, (index - 1) * cadence.months() + 1, 1);
    }

    public LocalDate end() {
        return start().plusMonths(cadence.months()).minusDays(1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    public Period next() {
        return index == cadence.periodsPerYear()
                ? new Period(year + 1, cadence, 1)
                : new Period(year, cadence, index + 1);
    }

    @Override
    public int compareTo(Period other) {
        return start().compareTo(other.start()) != 0 ? start().compareTo(other.start()) : end().compareTo(other.end());
    }

    @Override
    public String toString() {
        return switch (cadence) {
            case YEAR -> Integer.toString(year);
            case HALF_YEAR -> year + "-H" + index;
            case QUARTER -> year + "-Q" + index;
            case MONTH -> String.format("%d-%02d", year, index);
        };
    }
}
