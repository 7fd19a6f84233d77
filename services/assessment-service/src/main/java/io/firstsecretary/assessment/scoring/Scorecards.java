package io.firstsecretary.assessment.scoring;

import io.firstsecretary.assessment.facts.Assignment;
import io.firstsecretary.assessment.facts.Bureau;
import io.firstsecretary.assessment.facts.BureauPaths;
import io.firstsecretary.assessment.facts.Evaluation;
import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.facts.RecordedActivity;
import io.firstsecretary.assessment.facts.Review;
import io.firstsecretary.assessment.obligation.Listing;
import io.firstsecretary.assessment.obligation.ObligationView;
import io.firstsecretary.assessment.obligation.Obligations;
import io.firstsecretary.assessment.period.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Assembles each first secretary's {@link Scorecard} from the projections. However many bureaus
 * are asked for at once (a city with its counties), each kind of fact is read with one query for
 * them all: the assignments, the year's listings, the obligations that score, the reviews, the
 * evaluations, the scored work of every branch and the scoring policies.
 */
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
        return ofBureaus(List.of(new Bureau(bureau, bureau, null, path)), year).get(bureau);
    }

    /** {@link #ofBureau} for each of the bureaus, by bureau code. */
    public Map<String, List<Scorecard>> ofBureaus(List<Bureau> bureaus, int year) {
        return assemble(bureaus, year, true);
    }

    /**
     * The cards of each of the bureaus with the right points on every line, but without the evidence
     * of work that met a duty: what rankings and roll-ups need, read from the years' listings and
     * the talk-coverage obligations only.
     */
    public Map<String, List<Scorecard>> totalsOf(List<Bureau> bureaus, int year) {
        return assemble(bureaus, year, false);
    }

    private Map<String, List<Scorecard>> assemble(List<Bureau> bureaus, int year, boolean evidence) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        var codes = bureaus.stream().map(Bureau::code).toList();
        var pathOf = bureaus.stream().collect(Collectors.toMap(Bureau::code, Bureau::path, (a, b) -> a));
        var policyOn = policies.forBureaus(bureaus.stream().map(Bureau::path).collect(Collectors.toSet()));
        var assignments = facts.assignmentsOfBureaus(codes);

        Map<String, Map<String, List<Assignment>>> terms = new LinkedHashMap<>();
        Map<String, Set<String>> members = new LinkedHashMap<>();
        Map<String, Set<String>> branches = new LinkedHashMap<>();
        for (String code : codes) {
            var held = new LinkedHashMap<String, List<Assignment>>();
            for (Assignment a : assignments.getOrDefault(code, List.of())) {
                members.computeIfAbsent(code, x -> new LinkedHashSet<>()).add(a.member());
                if (!a.from().isAfter(end) && (a.to() == null || !a.to().isBefore(start))) {
                    held.computeIfAbsent(a.member() + "|" + a.branch(), k -> new ArrayList<>())
                            .add(a);
                    branches.computeIfAbsent(code, x -> new LinkedHashSet<>()).add(a.branch());
                }
            }
            terms.put(code, held);
        }

        // only met work and talk coverage score, and a listing says all a total needs of them:
        // only the evidence, or a listing from before the coverage counts, reads the obligation
        LocalDate today = obligations.today();
        var read = new ArrayList<Listing>();
        var keyOf = new HashMap<String, String>();
        Map<String, List<Scoring.Fulfilment>> owed = new HashMap<>();
        obligations.listed(codes, year).forEach((code, listed) -> {
            var on = policyOn.get(pathOf.get(code));
            for (Listing l : listed) {
                if (!"FIRST_SECRETARY".equals(l.owedBy())) {
                    continue;
                }
                boolean coverage = l.duty()
                        .equals(on.apply(Period.parse(l.period()).start())
                                .talkCoverage()
                                .duty());
                if (!coverage && !l.status().met()) {
                    continue;
                }
                String key = code + "|" + l.assignee() + "|" + l.branch();
                if (evidence || (coverage && l.required() == null)) {
                    read.add(l);
                    keyOf.put(l.id(), key);
                } else {
                    owed.computeIfAbsent(key, k -> new ArrayList<>()).add(Scoring.Fulfilment.of(l, today));
                }
            }
        });
        for (ObligationView o : obligations.of(read)) {
            owed.computeIfAbsent(keyOf.get(o.id()), k -> new ArrayList<>()).add(Scoring.Fulfilment.of(o));
        }
        Map<String, List<Review>> reviews =
                facts.reviews(members, year).stream().collect(Collectors.groupingBy(Review::bureau));
        Map<String, Evaluation> evaluations = facts.evaluations(members, year).stream()
                .collect(Collectors.toMap(e -> e.bureau() + "|" + e.assignee(), e -> e, (a, b) -> a));
        var work = facts.reading();
        work.prefetchLedgers(branches, List.of(year), Scoring.SCORED_TYPES);

        var cards = new LinkedHashMap<String, List<Scorecard>>();
        for (Bureau b : bureaus) {
            String bureau = b.code();
            var ofBureau = new ArrayList<Scorecard>();
            for (var held : terms.get(bureau).values()) {
                Assignment first = held.get(0);
                String member = first.member();
                String branch = first.branch();
                var own = owed.getOrDefault(bureau + "|" + member + "|" + branch, List.of());
                List<Review> reviewed = reviews.getOrDefault(bureau, List.of()).stream()
                        .filter(r -> r.assignee().equals(member) && r.branch().equals(branch))
                        .toList();
                List<RecordedActivity> done = work.activities(bureau, branch, Scoring.SCORED_TYPES, start, end).stream()
                        .filter(a -> member.equals(a.actor())
                                && held.stream()
                                        .anyMatch(t -> !a.occurredOn().isBefore(t.from())
                                                && (t.to() == null
                                                        || !a.occurredOn().isAfter(t.to()))))
                        .toList();
                ofBureau.add(Scoring.score(
                        new Scoring.Inputs(
                                member,
                                first.memberName(),
                                bureau,
                                branch,
                                year,
                                own,
                                reviewed,
                                Optional.ofNullable(evaluations.get(bureau + "|" + member))
                                        .filter(e -> e.branch().equals(branch)),
                                done),
                        policyOn.get(b.path())));
            }
            ofBureau.sort(Comparator.comparing(Scorecard::assignee).thenComparing(Scorecard::branch));
            cards.put(bureau, ofBureau);
        }
        return cards;
    }
}
