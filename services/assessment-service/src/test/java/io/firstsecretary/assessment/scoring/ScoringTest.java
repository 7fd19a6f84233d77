package io.firstsecretary.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstsecretary.assessment.facts.Evaluation;
import io.firstsecretary.assessment.facts.RecordedActivity;
import io.firstsecretary.assessment.facts.Review;
import io.firstsecretary.assessment.obligation.ObligationStatus;
import io.firstsecretary.assessment.obligation.ObligationView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScoringTest {

    static final ScoringPolicy POLICY = ScoringPolicy.defaultPolicy();

    static Scoring.Fulfilment obligation(
            String duty, String period, ObligationStatus status, LocalDate completedOn, String... evidence) {
        return Scoring.Fulfilment.of(new ObligationView(
                duty + period,
                duty,
                period,
                "FIRST_SECRETARY",
                "wang",
                "zgnf",
                LocalDate.of(2026, 12, 31),
                status,
                List.of(evidence),
                completedOn,
                List.of(),
                List.of(),
                null));
    }

    static RecordedActivity activity(
            String id, String type, String level, List<String> items, List<RecordedActivity.Outcome> outcomes) {
        return new RecordedActivity(
                id,
                "b",
                type,
                "zgnf",
                "wang",
                LocalDate.of(2026, 6, 1),
                Instant.parse("2026-06-01T02:00:00Z"),
                "t",
                List.of(),
                null,
                List.of(),
                level,
                items,
                outcomes,
                0,
                false);
    }

    @Test
    void everyPointNamesTheRecordsThatEarnedIt() {
        var coverage = Scoring.Fulfilment.of(new ObligationView(
                "c",
                "MEMBER_TALK_COVERAGE",
                "2026",
                "FIRST_SECRETARY",
                "wang",
                "zgnf",
                LocalDate.of(2026, 12, 31),
                ObligationStatus.OPEN,
                List.of("t1", "t2"),
                null,
                List.of("a", "b", "c", "d", "e"),
                List.of("d", "e"),
                null));
        var inputs = new Scoring.Inputs(
                "wang",
                "王军",
                "b",
                "zgnf",
                2026,
                List.of(
                        obligation(
                                "FOUR_TRUE_RESEARCH", "2026-Q1", ObligationStatus.MET, LocalDate.of(2026, 3, 2), "r1"),
                        obligation(
                                "FOUR_TRUE_RESEARCH",
                                "2026-Q2",
                                ObligationStatus.MET_LATE,
                                LocalDate.of(2026, 7, 2),
                                "r2"),
                        obligation("GUIDANCE_OPINION", "2026-Q1", ObligationStatus.OVERDUE, null),
                        coverage),
                List.of(new Review(
                        "rv",
                        "b",
                        List.of("b"),
                        "wang",
                        "zgnf",
                        "2026-Q1",
                        Review.Grade.GOOD,
                        null,
                        null,
                        Instant.parse("2026-04-08T02:00:00Z"))),
                Optional.of(new Evaluation(
                        "ev",
                        "b",
                        List.of("b"),
                        "wang",
                        "zgnf",
                        2026,
                        List.of(
                                new Evaluation.Rating("a", Evaluation.Verdict.SATISFIED),
                                new Evaluation.Rating("b", Evaluation.Verdict.BASICALLY_SATISFIED),
                                new Evaluation.Rating("c", Evaluation.Verdict.SATISFIED),
                                new Evaluation.Rating("d", Evaluation.Verdict.DISSATISFIED)),
                        Instant.parse("2026-12-20T02:00:00Z"))),
                List.of(
                        activity("x1", "EXPERIENCE_SUMMARY", "MUNICIPAL", List.of(), List.of()),
                        activity("c1", "ANNUAL_COMMITMENT", null, List.of("i1", "i2", "i3"), List.of()),
                        activity(
                                "y1",
                                "YEAR_END_REPORT",
                                null,
                                List.of(),
                                List.of(
                                        new RecordedActivity.Outcome("i1", "ACHIEVED"),
                                        new RecordedActivity.Outcome("i2", "PARTLY_ACHIEVED"),
                                        new RecordedActivity.Outcome("i3", "NOT_ACHIEVED"),
                                        new RecordedActivity.Outcome("zz", "ACHIEVED")))));

        var card = Scoring.score(inputs, day -> POLICY);

        assertThat(card.breakdown())
                .extracting(l -> l.duty() + " " + l.period() + " " + l.basis() + " " + l.points() + " " + l.evidence())
                .containsExactlyInAnyOrder(
                        "FOUR_TRUE_RESEARCH 2026-Q1 MET 3.0 [r1]",
                        "FOUR_TRUE_RESEARCH 2026-Q2 MET_LATE 1.5 [r2]",
                        "MEMBER_TALK_COVERAGE 2026 COVERAGE 3/5 6.0 [t1, t2]",
                        "QUARTERLY_REVIEW 2026-Q1 GRADE GOOD 8.0 [rv]",
                        "EXPERIENCE_SUMMARY 2026 PROMOTED MUNICIPAL 3.0 [x1]",
                        "ANNUAL_COMMITMENT 2026 ITEM i1 ACHIEVED 2.0 [c1, y1]",
                        "ANNUAL_COMMITMENT 2026 ITEM i2 PARTLY_ACHIEVED 1.0 [c1, y1]",
                        "YEAR_END_EVALUATION 2026 SATISFACTION 0.75 7.5 [ev]");
        assertThat(card.total()).isEqualTo(32.0);
        // Partial coverage only counts for the year; a review counts in the quarter it reviews; the
        // rest is placed on the day it was earned (the late Q2 research on 2 July, in Q3).
        assertThat(card.pointsBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)))
                .isEqualTo(11.0);
        assertThat(card.pointsBetween(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)))
                .isEqualTo(6.0);
    }

    @Test
    void aDifferentPolicyRescoresTheSameWork() {
        var inputs = new Scoring.Inputs(
                "wang",
                "王军",
                "b",
                "zgnf",
                2026,
                List.of(obligation("REPORT_HEARING", "2026-Q3", ObligationStatus.MET, LocalDate.of(2026, 8, 2), "h1")),
                List.of(),
                Optional.empty(),
                List.of());
        var generous = new ScoringPolicy(
                "2",
                LocalDate.of(2026, 7, 1),
                java.util.Map.of("REPORT_HEARING", new ScoringPolicy.DutyPoints(10, 5)),
                null,
                null,
                null,
                0,
                null,
                null);

        assertThat(Scoring.score(inputs, day -> POLICY).total()).isEqualTo(3.0);
        assertThat(Scoring.score(inputs, day -> day.isBefore(LocalDate.of(2026, 7, 1)) ? POLICY : generous)
                        .total())
                .isEqualTo(10.0);
    }
}
