package io.firstsecretary.assessment.scoring;

import io.firstsecretary.assessment.facts.BureauPaths;
import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.period.Period;
import io.firstsecretary.assessment.versioning.BureauVersions.Version;
import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.FieldError;
import io.firstsecretary.kit.web.UnprocessableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Scorecards, and the scoring policy they are computed under. */
@RestController
@RequestMapping("/api/v1/bureaus/{bureau}")
@Tag(
        name = "Scorecards and scoring policy",
        description = "First secretaries' scorecards, and the versioned scoring policy they are computed under.")
class ScoringController {

    private static final Set<String> GRADES = Set.of("EXCELLENT", "GOOD", "FAIR", "POOR");
    private static final Set<String> LEVELS = Set.of("BRANCH", "BUREAU", "MUNICIPAL", "PROVINCIAL", "NATIONAL");

    private final Scorecards scorecards;
    private final ScoringPolicies policies;
    private final BureauPaths paths;
    private final Facts facts;
    private final Clock clock;

    ScoringController(Scorecards scorecards, ScoringPolicies policies, BureauPaths paths, Facts facts, Clock clock) {
        this.scorecards = scorecards;
        this.policies = policies;
        this.paths = paths;
        this.facts = facts;
        this.clock = clock;
    }

    /** Every first secretary's scorecard for the year, optionally of the bureaus below too. */
    @Requires(Scope.ASSESSMENT_READ)
    @Operation(
            summary = "List the first secretaries' scorecards for a year",
            description = "assignee narrows the list to one first secretary; includeDescendants adds those of the"
                    + " bureaus below.")
    @GetMapping("/scorecards")
    Items<Scorecard> scorecards(
            @PathVariable String bureau,
            @RequestParam int year,
            @RequestParam(required = false) String assignee,
            @RequestParam(defaultValue = "false") boolean includeDescendants) {
        if (year < 2000 || year > 2999) {
            throw new UnprocessableException("year", "year must be between 2000 and 2999");
        }
        paths.of(bureau);
        var bureaus = includeDescendants
                ? facts.subtree(bureau).stream().map(b -> b.code()).toList()
                : List.of(bureau);
        var items = new ArrayList<Scorecard>();
        for (String b : bureaus) {
            scorecards.ofBureau(b, year).stream()
                    .filter(c -> assignee == null || c.assignee().equals(assignee))
                    .forEach(items::add);
        }
        return new Items<>(items);
    }

    @Requires(Scope.ASSESSMENT_READ)
    @Operation(
            summary = "Get the scoring policy in force",
            description = "The version in force on the day given as on (default today): the bureau's own, an"
                    + " ancestor's or the platform default.")
    @GetMapping("/scoring-policy")
    Version<ScoringPolicy> policy(
            @PathVariable String bureau,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        LocalDate day = on == null ? LocalDate.now(clock.withZone(Period.ZONE)) : on;
        return policies.inForce(paths.of(bureau), day);
    }

    @Requires(Scope.ASSESSMENT_READ)
    @Operation(summary = "List the bureau's own scoring-policy versions")
    @GetMapping("/scoring-policy/versions")
    Items<Version<ScoringPolicy>> versions(@PathVariable String bureau) {
        return new Items<>(policies.versions(bureau));
    }

    /** Saves a policy version; scorecards and rankings use it from the next read, history included. */
    @Requires(Scope.ASSESSMENT_WRITE)
    @Operation(
            summary = "Save a scoring-policy version",
            description = "Scorecards and rankings use it from the next read, history included.")
    @PutMapping("/scoring-policy/versions/{version}")
    Version<ScoringPolicy> save(
            @PathVariable String bureau, @PathVariable String version, @RequestBody ScoringPolicy body) {
        var policy = new ScoringPolicy(
                version,
                body.effectiveFrom(),
                body.duties(),
                body.talkCoverage(),
                body.reviewGrades(),
                body.promotionBonus(),
                body.satisfactionPoints(),
                body.commitmentItem(),
                body.vetoes());
        var errors = validate(policy);
        if (!errors.isEmpty()) {
            throw new UnprocessableException(errors);
        }
        paths.of(bureau);
        return policies.save(bureau, policy, clock.instant());
    }

    static List<FieldError> validate(ScoringPolicy p) {
        var errors = new ArrayList<FieldError>();
        if (p.version() == null || !p.version().matches("^[A-Za-z0-9_.-]{1,64}$")) {
            errors.add(FieldError.of("version", "version must be 1-64 letters, digits, '.', '_' or '-'"));
        }
        if (p.effectiveFrom() == null) {
            errors.add(FieldError.of("effectiveFrom", "effectiveFrom is required"));
        } else if (p.effectiveFrom().getYear() < 2000 || p.effectiveFrom().getYear() > 2100) {
            errors.add(FieldError.of("effectiveFrom", "effectiveFrom must be a day between 2000 and 2100"));
        }
        for (Map.Entry<String, ScoringPolicy.DutyPoints> e : p.duties().entrySet()) {
            if (e.getValue() == null) {
                errors.add(FieldError.of("duties." + e.getKey(), "points are required"));
            } else if (bad(e.getValue().onTime()) || bad(e.getValue().late())) {
                errors.add(FieldError.of("duties." + e.getKey(), "points must be between 0 and 1000"));
            } else if (e.getValue().late() > e.getValue().onTime()) {
                errors.add(FieldError.of("duties." + e.getKey() + ".late", "late work cannot earn more than on time"));
            }
        }
        p.reviewGrades().forEach((grade, points) -> {
            if (!GRADES.contains(grade)) {
                errors.add(FieldError.of("reviewGrades." + grade, "grade must be EXCELLENT, GOOD, FAIR or POOR"));
            } else if (points == null || bad(points)) {
                errors.add(FieldError.of("reviewGrades." + grade, "points must be between 0 and 1000"));
            }
        });
        p.promotionBonus().forEach((level, points) -> {
            if (!LEVELS.contains(level)) {
                errors.add(FieldError.of(
                        "promotionBonus." + level, "level must be BRANCH, BUREAU, MUNICIPAL, PROVINCIAL or NATIONAL"));
            } else if (points == null || bad(points)) {
                errors.add(FieldError.of("promotionBonus." + level, "points must be between 0 and 1000"));
            }
        });
        if (bad(p.talkCoverage().points())) {
            errors.add(FieldError.of("talkCoverage.points", "points must be between 0 and 1000"));
        }
        if (bad(p.satisfactionPoints())) {
            errors.add(FieldError.of("satisfactionPoints", "points must be between 0 and 1000"));
        }
        if (bad(p.commitmentItem().achieved()) || bad(p.commitmentItem().partlyAchieved())) {
            errors.add(FieldError.of("commitmentItem", "points must be between 0 and 1000"));
        }
        return errors;
    }

    private static boolean bad(double points) {
        return !(points >= 0 && points <= 1000);
    }

    record Items<T>(List<T> items) {}
}
