package io.firstsecretary.assessment.competition;

import io.firstsecretary.assessment.facts.Bureau;
import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.facts.Review;
import io.firstsecretary.assessment.obligation.Listing;
import io.firstsecretary.assessment.obligation.ObligationStatus;
import io.firstsecretary.assessment.obligation.Obligations;
import io.firstsecretary.assessment.period.Cadence;
import io.firstsecretary.assessment.period.Period;
import io.firstsecretary.assessment.scoring.Scorecard;
import io.firstsecretary.assessment.scoring.Scorecards;
import io.firstsecretary.assessment.scoring.ScoringPolicies;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The labour competition's rankings: 月评排名 for a month, 季考夺旗 for a quarter, 年争位次 for a
 * year. A month's or quarter's score is the points earned in it; a year's is the scorecard total.
 */
@Service
public class Rankings {

    private final Scorecards scorecards;
    private final Obligations obligations;
    private final Facts facts;
    private final CompetitionGroups groups;
    private final ScoringPolicies policies;

    Rankings(
            Scorecards scorecards,
            Obligations obligations,
            Facts facts,
            CompetitionGroups groups,
            ScoringPolicies policies) {
        this.scorecards = scorecards;
        this.obligations = obligations;
        this.facts = facts;
        this.groups = groups;
        this.policies = policies;
    }

    /** Standings of the bureau's first secretaries for {@code period}, ranked within each group. */
    public List<Standing> of(String bureau, Period period) {
        if (period.cadence() == Cadence.HALF_YEAR) {
            throw new IllegalArgumentException("Rankings are monthly, quarterly or yearly");
        }
        var competitionGroups = groups.of(bureau);
        var path = facts.bureau(bureau).map(Bureau::path).orElse(List.of(bureau));
        var vetoRules = policies.forBureau(path).apply(period.start()).vetoes();
        boolean quarter = period.cadence() == Cadence.QUARTER;
        List<Listing> ofYear = quarter ? obligations.listed(bureau, period.year()) : List.of();
        var today = obligations.today();
        List<Review> reviews = quarter ? facts.reviews(bureau, period.year()) : List.of();
        var competitors = new ArrayList<Ranking.Competitor>();
        for (Scorecard card : scorecards.ofBureau(bureau, period.year())) {
            double score =
                    period.cadence() == Cadence.YEAR ? card.total() : card.pointsBetween(period.start(), period.end());
            var vetoes = new ArrayList<String>();
            if (quarter && vetoRules.overdueDuty()) {
                ofYear.stream()
                        .filter(o -> card.assignee().equals(o.assignee())
                                && card.branch().equals(o.branch())
                                && "FIRST_SECRETARY".equals(o.owedBy())
                                && period.contains(o.dueOn())
                                && o.statusOn(today) == ObligationStatus.OVERDUE)
                        .forEach(o -> vetoes.add("OVERDUE " + o.duty() + " " + o.period()));
            }
            if (quarter && vetoRules.poorReview()) {
                reviews.stream()
                        .filter(r -> r.assignee().equals(card.assignee())
                                && r.branch().equals(card.branch())
                                && r.quarter().equals(period.toString())
                                && r.grade() == Review.Grade.POOR)
                        .forEach(r -> vetoes.add("REVIEW POOR " + r.quarter()));
            }
            competitors.add(new Ranking.Competitor(
                    card.assignee(),
                    card.name(),
                    bureau,
                    card.branch(),
                    competitionGroups.of(card.assignee()),
                    score,
                    List.copyOf(vetoes)));
        }
        return Ranking.rank(competitors, quarter);
    }
}
