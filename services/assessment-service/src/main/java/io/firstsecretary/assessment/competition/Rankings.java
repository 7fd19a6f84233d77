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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
        var path = facts.bureau(bureau).map(Bureau::path).orElse(List.of(bureau));
        return of(List.of(new Bureau(bureau, bureau, null, path)), period);
    }

    /**
     * Standings of each bureau's first secretaries, bureau by bureau, each ranked within its own
     * groups; every kind of fact is read once for all the bureaus.
     */
    public List<Standing> of(List<Bureau> bureaus, Period period) {
        if (period.cadence() == Cadence.HALF_YEAR) {
            throw new IllegalArgumentException("Rankings are monthly, quarterly or yearly");
        }
        var codes = bureaus.stream().map(Bureau::code).toList();
        var competitionGroups = groups.of(codes);
        var policyOn = policies.forBureaus(bureaus.stream().map(Bureau::path).collect(Collectors.toSet()));
        var cards = scorecards.totalsOf(bureaus, period.year());
        boolean quarter = period.cadence() == Cadence.QUARTER;
        Map<String, List<Listing>> ofYear = quarter ? obligations.listed(codes, period.year()) : Map.of();
        var reviewed = new HashMap<String, Set<String>>();
        cards.forEach((code, ofBureau) ->
                reviewed.put(code, ofBureau.stream().map(Scorecard::assignee).collect(Collectors.toSet())));
        List<Review> reviews = quarter ? facts.reviews(reviewed, period.year()) : List.of();
        var today = obligations.today();
        var standings = new ArrayList<Standing>();
        for (Bureau b : bureaus) {
            String bureau = b.code();
            var vetoRules = policyOn.get(b.path()).apply(period.start()).vetoes();
            var competitors = new ArrayList<Ranking.Competitor>();
            for (Scorecard card : cards.get(bureau)) {
                double score = period.cadence() == Cadence.YEAR
                        ? card.total()
                        : card.pointsBetween(period.start(), period.end());
                var vetoes = new ArrayList<String>();
                if (quarter && vetoRules.overdueDuty()) {
                    ofYear.getOrDefault(bureau, List.of()).stream()
                            .filter(o -> card.assignee().equals(o.assignee())
                                    && card.branch().equals(o.branch())
                                    && "FIRST_SECRETARY".equals(o.owedBy())
                                    && period.contains(o.dueOn())
                                    && o.statusOn(today) == ObligationStatus.OVERDUE)
                            .forEach(o -> vetoes.add("OVERDUE " + o.duty() + " " + o.period()));
                }
                if (quarter && vetoRules.poorReview()) {
                    reviews.stream()
                            .filter(r -> r.bureau().equals(bureau)
                                    && r.assignee().equals(card.assignee())
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
                        competitionGroups.get(bureau).of(card.assignee()),
                        score,
                        List.copyOf(vetoes)));
            }
            standings.addAll(Ranking.rank(competitors, quarter));
        }
        return standings;
    }
}
