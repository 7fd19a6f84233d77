package io.firstsecretary.assessment.competition;

import io.firstsecretary.assessment.facts.BureauPaths;
import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.period.Cadence;
import io.firstsecretary.assessment.period.Period;
import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.FieldError;
import io.firstsecretary.kit.web.UnprocessableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The labour competition: rankings and the groups first secretaries compete in. */
@RestController
@RequestMapping("/api/v1/bureaus/{bureau}")
@Tag(
        name = "Rankings",
        description = "The labour competition: monthly, quarterly and yearly rankings of first secretaries, and the"
                + " groups they compete in.")
class CompetitionController {

    private final Rankings rankings;
    private final CompetitionGroups groups;
    private final BureauPaths paths;
    private final Facts facts;

    CompetitionController(Rankings rankings, CompetitionGroups groups, BureauPaths paths, Facts facts) {
        this.rankings = rankings;
        this.groups = groups;
        this.paths = paths;
        this.facts = facts;
    }

    /**
     * 月评排名 ({@code period=2026-03}), 季考夺旗 ({@code 2026-Q1}, with flags) or 年争位次 ({@code
     * 2026}); with {@code includeDescendants} every bureau below ranks too, each within its groups.
     */
    @Requires(Scope.ASSESSMENT_READ)
    @Operation(
            summary = "Rank the first secretaries for a period",
            description = "period is a month (2026-03), a quarter with its flags (2026-Q1) or a year (2026); group"
                    + " narrows to one competition group, and with includeDescendants every bureau below ranks too,"
                    + " each within its groups.")
    @GetMapping("/rankings")
    RankingView rankings(
            @PathVariable String bureau,
            @RequestParam String period,
            @RequestParam(required = false) String group,
            @RequestParam(defaultValue = "false") boolean includeDescendants) {
        Period p = parse(period);
        paths.of(bureau);
        var standings = includeDescendants ? rankings.of(facts.subtree(bureau), p) : rankings.of(bureau, p);
        var items = standings.stream()
                .filter(s -> group == null || s.group().equals(group))
                .toList();
        return new RankingView(p.toString(), items);
    }

    @Requires(Scope.ASSESSMENT_READ)
    @Operation(summary = "Get the bureau's competition groups")
    @GetMapping("/competition-groups")
    CompetitionGroups.Groups groups(@PathVariable String bureau) {
        paths.of(bureau);
        return groups.of(bureau);
    }

    /** Replaces the bureau's groups; first secretaries not listed compete in the bureau's default group. */
    @Requires(Scope.ASSESSMENT_WRITE)
    @Operation(
            summary = "Replace the bureau's competition groups",
            description = "First secretaries not listed compete in the bureau's default group.")
    @PutMapping("/competition-groups")
    CompetitionGroups.Groups saveGroups(@PathVariable String bureau, @RequestBody GroupsBody body) {
        paths.of(bureau);
        if (body.groups() == null) {
            throw new UnprocessableException(
                    List.of(FieldError.of("groups", "groups is required (an empty list for none)")));
        }
        var list = body.groups();
        var errors = new ArrayList<FieldError>();
        var codes = new HashSet<String>();
        var members = new HashSet<String>();
        var firstSecretaries = new HashSet<String>();
        facts.assignmentsOfBureau(bureau).forEach(a -> firstSecretaries.add(a.member()));
        for (int i = 0; i < list.size(); i++) {
            var g = list.get(i);
            String at = "groups[" + i + "]";
            if (g == null) {
                errors.add(FieldError.of(at, "a group is required"));
                continue;
            }
            if (g.code() == null || !g.code().matches("^[A-Za-z0-9_-]{1,64}$")) {
                errors.add(FieldError.of(at + ".code", "code must be 1-64 letters, digits, '-' or '_'"));
            } else if (g.code().equals(bureau) || !codes.add(g.code())) {
                errors.add(FieldError.of(at + ".code", "group " + g.code() + " is already taken"));
            }
            if (g.name() == null || g.name().isBlank()) {
                errors.add(FieldError.of(at + ".name", "name is required"));
            }
            var listed = g.members() == null ? List.<String>of() : g.members();
            for (int j = 0; j < listed.size(); j++) {
                String m = listed.get(j);
                if (!firstSecretaries.contains(m)) {
                    errors.add(FieldError.of(at + ".members[" + j + "]", m + " is no first secretary of " + bureau));
                } else if (!members.add(m)) {
                    errors.add(FieldError.of(at + ".members[" + j + "]", m + " is in two groups"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException(errors);
        }
        var saved = new CompetitionGroups.Groups(
                bureau,
                list.stream()
                        .map(g -> new CompetitionGroups.Group(
                                g.code(), g.name(), g.members() == null ? List.of() : List.copyOf(g.members())))
                        .toList());
        groups.save(saved);
        return saved;
    }

    record GroupsBody(List<CompetitionGroups.Group> groups) {}

    record RankingView(String period, List<Standing> items) {}

    private static Period parse(String period) {
        try {
            Period p = Period.parse(period);
            if (p.cadence() != Cadence.HALF_YEAR) {
                return p;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new UnprocessableException(
                "period", "period must be a month (2026-03), a quarter (2026-Q1) or a year (2026)");
    }
}
