package io.firstsecretary.console.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * How the labour competition (劳动竞赛) turns recorded work into points, as the assessment service keeps it.
 *
 * @param duties points for each duty met on time or late; a duty without points scores nothing
 * @param talkCoverage points for talking with every member of the branch (谈心谈话全覆盖), pro rata
 * @param reviewGrades points for each grade of the quarterly review
 * @param promotionBonus points for an experience promoted at a level; a level without points earns nothing
 * @param satisfactionPoints points times the year-end evaluation's satisfaction rate
 * @param commitmentItem points for each 年初承诺 item achieved or partly achieved
 * @param vetoes what takes a first secretary out of the quarter's flag (季考夺旗)
 */
record ScoringPolicy(
        String version,
        LocalDate effectiveFrom,
        Map<String, DutyPoints> duties,
        TalkCoverage talkCoverage,
        Map<String, Double> reviewGrades,
        Map<String, Double> promotionBonus,
        double satisfactionPoints,
        CommitmentPoints commitmentItem,
        Vetoes vetoes) {

    ScoringPolicy {
        duties = duties == null ? Map.of() : duties;
        reviewGrades = reviewGrades == null ? Map.of() : reviewGrades;
        promotionBonus = promotionBonus == null ? Map.of() : promotionBonus;
    }

    record DutyPoints(double onTime, double late) {}

    /** @param duty the duty whose coverage is scored, which the office does not change */
    record TalkCoverage(String duty, double points) {}

    record CommitmentPoints(double achieved, double partlyAchieved) {}

    record Vetoes(boolean overdueDuty, boolean poorReview) {}

    /** A policy version as the API answers it. */
    record Saved(String bureau, Instant savedAt, ScoringPolicy value) implements Version {

        @Override
        public String version() {
            return value.version();
        }

        @Override
        public LocalDate effectiveFrom() {
            return value.effectiveFrom();
        }
    }
}
