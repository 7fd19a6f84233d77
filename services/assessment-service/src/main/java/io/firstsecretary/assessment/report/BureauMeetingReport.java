package io.firstsecretary.assessment.report;

import io.firstsecretary.assessment.competition.Standing;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The monthly report to the bureau meeting (每月局务会专题汇报) on the first-secretary work: who met
 * what this month and quarter, who is behind and on what, talk coverage, the current ranking and
 * the month's highlights. Generated from the projections as of {@code asOf}.
 */
public record BureauMeetingReport(
        String bureau,
        String bureauName,
        String month,
        String quarter,
        LocalDate asOf,
        Instant generatedAt,
        Summary summary,
        List<FirstSecretaryLine> firstSecretaries,
        List<Behind> behind,
        List<TalkLine> talkCoverage,
        List<Standing> monthRanking,
        List<Standing> quarterRanking,
        List<Highlight> highlights,
        Remarks remarks,
        Filed filed) {

    /** The month in numbers. */
    public record Summary(
            int firstSecretaries,
            int dueThisMonth,
            int metThisMonth,
            int overdue,
            Double quarterComplianceRate,
            int activitiesThisMonth) {}

    /** One first secretary's month and quarter. */
    public record FirstSecretaryLine(
            String assignee,
            String name,
            String branch,
            String branchName,
            List<String> metThisMonth,
            int metThisQuarter,
            int owedThisQuarter,
            int overdue,
            double yearScore) {}

    /** A duty someone is behind on: overdue, or due within the coming month and still open. */
    public record Behind(
            String assignee,
            String name,
            String branch,
            String duty,
            String dutyName,
            String period,
            LocalDate dueOn,
            String status) {}

    /** A first secretary's talks with the branch's members this year (谈心谈话全覆盖). */
    public record TalkLine(String assignee, String name, String branch, int required, int covered, double share) {}

    /** Notable work of the month: lectures, inspections, experiences, research. */
    public record Highlight(
            String activity,
            String type,
            LocalDate occurredOn,
            String branch,
            String actor,
            String title,
            String note) {}

    /** The party-building office's own words for the meeting, if it has written any. */
    public record Remarks(String text, String writtenBy, Instant writtenAt) {}

    /** When the party-building office filed this report, if it has. */
    public record Filed(String filedBy, Instant filedAt) {}
}
