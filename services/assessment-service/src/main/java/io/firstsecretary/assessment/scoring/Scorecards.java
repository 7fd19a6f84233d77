package io.firstsecretary.assessment.scoring;

import io.firstsecretary.assessment.facts.Assignment;
import io.firstsecretary.assessment.facts.BureauPaths;
import io.firstsecretary.assessment.facts.Evaluation;
import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.facts.RecordedActivity;
import io.firstsecretary.assessment.facts.Review;
import io.firstsecretary.assessment.obligation.ObligationView;
import io.firstsecretary.assessment.obligation.Obligations;
import io.firstsecretary.assessment.period.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
        // only met work and talk coverage score: the rest of the year is not read
        var ofYear = obligations.of(obligations.listed(bureau, year).stream()
                .filter(l -> "FIRST_SECRETARY".equals(l.owedBy())
                        && (l.status().met()
                                || l.duty()
                                        .equals(policyOn.apply(
                                                        Period.parse(l.period()).start())
                                                .talkCoverage()
                                                .duty())))
                .toList());
        var reviews = facts.reviews(bureau, year);
        // one read each for the year's scored work of every branch and for every evaluation, not one per card
        var reading = facts.reading();
        reading.prefetch(
                bureau,
                terms.values().stream().map(held -> held.get(0).branch()).collect(Collectors.toSet()),
                List.of(year),
                Scoring.SCORED_TYPES);
        var evaluations = facts.evaluations(bureau, year).stream()
                .collect(Collectors.toMap(Evaluation::assignee, e -> e, (a, b) -> a));
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
            List<RecordedActivity> work = reading.activities(bureau, branch, Scoring.SCORED_TYPES, start, end).stream()
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
                            Optional.ofNullable(evaluations.get(member))
                                    .filter(e -> e.branch().equals(branch)),
                            work),
                    policyOn));
        }
        cards.sort(Comparator.comparing(Scorecard::assignee).thenComparing(Scorecard::branch));
        return cards;
    }
}
