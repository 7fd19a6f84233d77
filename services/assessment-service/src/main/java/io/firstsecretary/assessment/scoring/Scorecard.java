package io.firstsecretary.assessment.scoring;

import java.time.LocalDate;
import java.util.List;

/**
 * A first secretary's points for a year under one assignment, every point traced to the records
 * that earned it.
 */
public record Scorecard(
        String assignee, String name, String bureau, String branch, int year, double total, List<Line> breakdown) {

    /**
     * Points for one duty and period.
     *
     * @param basis why: MET, MET_LATE, COVERAGE 18/20, GRADE EXCELLENT, PROMOTED MUNICIPAL,
     *     SATISFACTION 0.92, ITEM c1 ACHIEVED
     * @param evidence the activities, review or evaluation that earned the points
     * @param earnedOn the day the points were earned, which places them in a month's and a
     *     quarter's ranking; absent for points that only count for the year (partial talk coverage)
     */
    public record Line(
            String duty, String period, String basis, double points, List<String> evidence, LocalDate earnedOn) {}

    /** The points earned within {@code [from, to]}. */
    public double pointsBetween(LocalDate from, LocalDate to) {
        return Scoring.round(breakdown.stream()
                .filter(l -> l.earnedOn() != null
                        && !l.earnedOn().isBefore(from)
                        && !l.earnedOn().isAfter(to))
                .mapToDouble(Line::points)
                .sum());
    }
}
