package io.firstsecretary.assessment.period;

/** How often a duty falls due: every month, quarter, half-year or year. */
public enum Cadence {
    MONTH(1),
    QUARTER(3),
    HALF_YEAR(6),
    YEAR(12);

    private final int months;

    Cadence(int months) {
        this.months = months;
    }

    int months() {
        return months;
    }

    int periodsPerYear() {
        return 12 / months;
    }
}
