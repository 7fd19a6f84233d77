package io.firstsecretary.assessment.scoring;

import io.firstsecretary.assessment.facts.Evaluation;
import io.firstsecretary.assessment.facts.RecordedActivity;
import io.firstsecretary.assessment.facts.Review;
import io.firstsecretary.assessment.obligation.Listing;
import io.firstsecretary.assessment.obligation.ObligationStatus;
import io.firstsecretary.assessment.obligation.ObligationView;
import io.firstsecretary.assessment.period.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns one first secretary's year of obligations, reviews, evaluation and activities into a
 * {@link Scorecard} under the scoring policy in force on each line's period start. Pure: the same
 * facts and policy always give the same card, so a policy change re-scores history on the next read.
 */
public final class Scoring {

    /** The activity types scored beyond the obligations they meet: promotions and commitment items. */
    public static final List<String> SCORED_TYPES =
            List.of("EXPERIENCE_SUMMARY", "ANNUAL_COMMITMENT", "YEAR_END_REPORT");

    private Scoring() {}

    /**
     * What a scorecard is computed from.
     *
     * @param obligations the assignee's obligations under this assignment in the year
     * @param reviews the bureau's reviews of the assignee in the year
     * @param activities the assignee's own standing activities in the branch during the term
     */
    public record Inputs(
            String assignee,
            String name,
            String bureau,
            String branch,
            int year,
            List<Fulfilment> obligations,
            List<Review> reviews,
            Optional<Evaluation> evaluation,
            List<RecordedActivity> activities) {}

    /**
     * What scoring needs of one obligation: how it stands and, for talk coverage, how many of the
     * people it names the talks have covered.
     *
     * @param required how many people the duty names; 0 for a duty that names none
     */
    public record Fulfilment(
            String duty,
            String period,
            ObligationStatus status,
            List<String> evidence,
            LocalDate completedOn,
            int required,
            int covered) {

        public static Fulfilment of(ObligationView o) {
            int required = o.required() == null ? 0 : o.required().size();
            int missing = o.missing() == null ? 0 : o.missing().size();
            return new Fulfilment(
                    o.duty(), o.period(), o.status(), o.evidence(), o.completedOn(), required, required - missing);
        }

        /** As its listing says, as of {@code today}: no evidence. */
        public static Fulfilment of(Listing l, LocalDate today) {
            return new Fulfilment(
                    l.duty(),
                    l.period(),
                    l.statusOn(today),
                    List.of(),
                    l.completedOn(),
                    l.required() == null ? 0 : l.required(),
                    l.covered() == null ? 0 : l.covered());
        }
    }

    public static Scorecard score(Inputs in, Function<LocalDate, ScoringPolicy> policyOn) {
        var lines = new ArrayList<Scorecard.Line>();
        for (Fulfilment o : in.obligations()) {
            var policy = policyOn.apply(Period.parse(o.period()).start());
            if (o.duty().equals(policy.talkCoverage().duty())) {
                coverage(o, policy).ifPresent(lines::add);
                continue;
            }
            var points = policy.duties().get(o.duty());
            if (points == null || !o.status().met()) {
                continue;
            }
            boolean late = o.status().name().equals("MET_LATE");
            lines.add(new Scorecard.Line(
                    o.duty(),
                    o.period(),
                    o.status().name(),
                    late ? points.late() : points.onTime(),
                    o.evidence(),
                    o.completedOn()));
        }
        for (Review r : in.reviews()) {
            var policy = policyOn.apply(Period.parse(r.quarter()).start());
            double points = policy.reviewGrades().getOrDefault(r.grade().name(), 0.0);
            lines.add(new Scorecard.Line(
                    "QUARTERLY_REVIEW",
                    r.quarter(),
                    "GRADE " + r.grade(),
                    points,
                    List.of(r.id()),
                    Period.parse(r.quarter()).end()));
        }
        var yearPolicy = policyOn.apply(LocalDate.of(in.year(), 1, 1));
        for (RecordedActivity a : in.activities()) {
            if (a.type().equals("EXPERIENCE_SUMMARY") && a.promotionLevel() != null) {
                double bonus = yearPolicy.promotionBonus().getOrDefault(a.promotionLevel(), 0.0);
                if (bonus > 0) {
                    lines.add(new Scorecard.Line(
                            "EXPERIENCE_SUMMARY",
                            Integer.toString(in.year()),
                            "PROMOTED " + a.promotionLevel(),
                            bonus,
                            List.of(a.id()),
                            a.knownOn()));
                }
            }
        }
        commitments(in, yearPolicy, lines);
        in.evaluation()
                .filter(e -> !e.ratings().isEmpty())
                .ifPresent(e -> lines.add(new Scorecard.Line(
                        "YEAR_END_EVALUATION",
                        Integer.toString(in.year()),
                        "SATISFACTION " + round(e.satisfactionRate()),
                        round(yearPolicy.satisfactionPoints() * e.satisfactionRate()),
                        List.of(e.id()),
                        LocalDate.ofInstant(e.recordedAt(), Period.ZONE))));
        lines.sort(Comparator.comparing(Scorecard.Line::period).thenComparing(Scorecard.Line::duty));
        double total = round(lines.stream().mapToDouble(Scorecard.Line::points).sum());
        return new Scorecard(in.assignee(), in.name(), in.bureau(), in.branch(), in.year(), total, List.copyOf(lines));
    }

    /** Pro rata to the share of members talked with; earned on completion, else only for the year. */
    private static Optional<Scorecard.Line> coverage(Fulfilment o, ScoringPolicy policy) {
        int required = o.required();
        if (required == 0 || o.status() == ObligationStatus.WAIVED) {
            return Optional.empty();
        }
        int covered = o.covered();
        double points = round(policy.talkCoverage().points() * covered / required);
        if (covered == 0) {
            return Optional.empty();
        }
        return Optional.of(new Scorecard.Line(
                o.duty(),
                o.period(),
                "COVERAGE " + covered + "/" + required,
                points,
                o.evidence(),
                o.status().met() ? o.completedOn() : null));
    }

    /** 年初承诺 items scored against the outcomes of the latest 年底述职 of the year. */
    private static void commitments(Inputs in, ScoringPolicy policy, List<Scorecard.Line> lines) {
        var commitment = in.activities().stream()
                .filter(a -> a.type().equals("ANNUAL_COMMITMENT"))
                .max(Comparator.comparing(RecordedActivity::knownOn));
        var report = in.activities().stream()
                .filter(a -> a.type().equals("YEAR_END_REPORT"))
                .max(Comparator.comparing(RecordedActivity::knownOn));
        if (commitment.isEmpty() || report.isEmpty()) {
            return;
        }
        for (var outcome : report.get().itemOutcomes()) {
            if (!commitment.get().commitmentItems().contains(outcome.item())) {
                continue;
            }
            double points = switch (outcome.outcome()) {
                case "ACHIEVED" -> policy.commitmentItem().achieved();
                case "PARTLY_ACHIEVED" -> policy.commitmentItem().partlyAchieved();
                default -> 0;
            };
            if (points > 0) {
                lines.add(new Scorecard.Line(
                        "ANNUAL_COMMITMENT",
                        Integer.toString(in.year()),
                        "ITEM " + outcome.item() + " " + outcome.outcome(),
                        points,
                        List.of(commitment.get().id(), report.get().id()),
                        report.get().knownOn()));
            }
        }
    }

    static double round(double points) {
        return Math.round(points * 100) / 100.0;
    }
}
