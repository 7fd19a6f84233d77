package io.firstsecretary.assessment.rollup;

import io.firstsecretary.assessment.facts.Branch;
import io.firstsecretary.assessment.facts.Bureau;
import io.firstsecretary.assessment.facts.BureauPaths;
import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.obligation.Listing;
import io.firstsecretary.assessment.obligation.ObligationStatus;
import io.firstsecretary.assessment.obligation.Obligations;
import io.firstsecretary.assessment.scoring.Scorecard;
import io.firstsecretary.assessment.scoring.Scorecards;
import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.UnprocessableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Compliance and scores rolled up per branch, per bureau, and for a bureau over the bureaus below it. */
@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/compliance")
@Tag(
        name = "Compliance",
        description = "Compliance with the duties and the scores, rolled up per branch, per bureau and over the"
                + " bureaus below.")
class RollupController {

    private final Facts facts;
    private final Obligations obligations;
    private final Scorecards scorecards;
    private final BureauPaths paths;

    RollupController(Facts facts, Obligations obligations, Scorecards scorecards, BureauPaths paths) {
        this.facts = facts;
        this.obligations = obligations;
        this.scorecards = scorecards;
        this.paths = paths;
    }

    record BranchRollup(String branch, String name, List<String> firstSecretaries, Compliance compliance) {}

    record BureauRollup(
            String bureau, String name, List<String> path, Compliance compliance, List<BranchRollup> branches) {}

    record Rollup(String bureau, int year, Compliance total, List<BureauRollup> bureaus) {}

    @Requires(Scope.ASSESSMENT_READ)
    @Operation(
            summary = "Roll up the year's compliance and scores",
            description = "Per branch and for the bureau; with includeDescendants also for every bureau below it,"
                    + " with a total over them all.")
    @GetMapping
    Rollup compliance(
            @PathVariable String bureau,
            @RequestParam int year,
            @RequestParam(defaultValue = "false") boolean includeDescendants) {
        if (year < 2000 || year > 2999) {
            throw new UnprocessableException("year", "year must be between 2000 and 2999");
        }
        var path = paths.of(bureau);
        List<Bureau> bureaus = includeDescendants
                ? facts.subtree(bureau)
                : List.of(facts.bureau(bureau).orElse(new Bureau(bureau, bureau, null, path)));
        var all = new ArrayList<ObligationStatus>();
        var allScores = new ArrayList<Double>();
        var rollups = new ArrayList<BureauRollup>();
        var today = obligations.today();
        // the counts come from each bureau's listing of its year, read for all the bureaus at once
        var listed = obligations.listed(bureaus.stream().map(Bureau::code).toList(), year);
        var cardsOf = scorecards.totalsOf(bureaus, year);
        var names = facts.branchNames(listed.entrySet().stream()
                .flatMap(e -> e.getValue().stream()
                        .map(Listing::branch)
                        .filter(Objects::nonNull)
                        .map(code -> Branch.idOf(e.getKey(), code)))
                .collect(Collectors.toSet()));
        for (Bureau b : bureaus) {
            var ofYear = listed.get(b.code());
            var cards = cardsOf.get(b.code());
            var branchCodes = new TreeSet<String>();
            ofYear.stream().map(Listing::branch).filter(Objects::nonNull).forEach(branchCodes::add);
            var branches = new ArrayList<BranchRollup>();
            for (String code : branchCodes) {
                // the bureau's own duties about a branch's first secretary (its reviews) are not the branch's
                var ofBranch = ofYear.stream()
                        .filter(o -> code.equals(o.branch()) && !"BUREAU".equals(o.owedBy()))
                        .map(o -> o.statusOn(today))
                        .toList();
                var branchCards =
                        cards.stream().filter(c -> c.branch().equals(code)).toList();
                branches.add(new BranchRollup(
                        code,
                        names.getOrDefault(Branch.idOf(b.code(), code), code),
                        branchCards.stream().map(Scorecard::assignee).distinct().toList(),
                        Compliance.of(
                                ofBranch,
                                branchCards.stream().map(Scorecard::total).toList())));
            }
            var scores = cards.stream().map(Scorecard::total).toList();
            var statuses = ofYear.stream().map(o -> o.statusOn(today)).toList();
            rollups.add(new BureauRollup(b.code(), b.name(), b.path(), Compliance.of(statuses, scores), branches));
            all.addAll(statuses);
            allScores.addAll(scores);
        }
        return new Rollup(bureau, year, Compliance.of(all, allScores), rollups);
    }
}
