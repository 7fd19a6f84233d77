package io.firstsecretary.assessment.scoring;

import io.firstsecretary.assessment.facts.Assignment;
import io.firstsecretary.assessment.facts.BureauPaths;
import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.facts.RecordedActivity;
import io.firstsecretary.assessment.facts.Review;
import io.firstsecretary.assessment.obligation.ObligationView;
import io.firstsecretary.assessment.obligation.Obligations;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Assembles each first secretary's {@link Scorecard} from the projections. */
@Service
public class Scorecards {

    private final Facts facts;
    private final Obligations obligations;
    private final ScoringPolicies policies;
    private final BureauPaths paths;

    Scorecards(Facts facts, Obligations obligations, ScoringPolicies policies, BureauPaths paths) {
        this.facts = facts;
        this.obligations = obligations;
        this.policies = policies;
        this.paths = paths;
    }

    /** One card per first secretary and branch whose term overlaps {@code year}, by assignee. */
    public List<Scorecard> ofBureau(String bureau, int year) {
        var path = paths.of(bureau);
        var policyOn = policies.forBureau(path);
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        Map<String, List<Assignment>> terms = new LinkedHashMap<>();
        for (Assignment a : facts.assignmentsOfBureau(bureau)) {
            if (!a.from().isAfter(end) && (a.to() == null || !a.to().isBefore(start))) {
                terms.computeIfAbsent(a.member() + "|" + a.branch(), k -> new ArrayList<>())
                        .add(a);
            }
        }
        var ofYear = obligations.ofYear(bureau, year);
        var reviews = facts.reviews(bureau, year);
        var cards = new ArrayList<Scorecard>();
        for (var held : terms.values()) {
            Assignment first = held.get(0);
            String member = first.member();
            String branch = first.branch();
            List<ObligationView> own = ofYear.stream()
                    .filter(o -> "FIRST_SECRETARY".equals(o.owedBy())
                            && member.equals(o.assignee())
                            && branch.equals(o.branch()))
                    .toList();
            List<Review> reviewed = reviews.stream()
                    .filter(r -> r.assignee().equals(member) && r.branch().equals(branch))
                    .toList();
            List<RecordedActivity> work = facts.activities(bureau, branch, Scoring.SCORED_TYPES, start, end).stream()
                    .filter(a -> member.equals(a.actor())
                            && held.stream()
                                    .anyMatch(t -> !a.occurredOn().isBefore(t.from())
                                            && (t.to() == null
                                                    || !a.occurredOn().isAfter(t.to()))))
                    .toList();
            cards.add(Scoring.score(
                    new Scoring.Inputs(
                            member,
                            first.memberName(),
                            bureau,
                            branch,
                            year,
                            own,
                            reviewed,
                            facts.evaluation(bureau, member, year)
                                    .filter(e -> e.branch().equals(branch)),
                            work),
                    policyOn));
        }
        cards.sort(Comparator.comparing(Scorecard::assignee).thenComparing(Scorecard::branch));
        return cards;
    }
}
