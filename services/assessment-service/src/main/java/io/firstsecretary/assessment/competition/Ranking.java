package io.firstsecretary.assessment.competition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Ranks competitors within their groups: higher score first, equal scores share a rank (1, 1, 3).
 * For a quarter the best score of a group wins the flag, shared on a tie, unless vetoed or zero.
 */
public final class Ranking {

    private Ranking() {}

    /** A first secretary in the running. */
    public record Competitor(
            String assignee,
            String name,
            String bureau,
            String branch,
            String group,
            double score,
            List<String> vetoes) {}

    public static List<Standing> rank(List<Competitor> competitors, boolean flags) {
        var byGroup = new LinkedHashMap<String, List<Competitor>>();
        competitors.stream()
                .sorted(Comparator.comparing(Competitor::group))
                .forEach(c -> byGroup.computeIfAbsent(c.group(), g -> new ArrayList<>())
                        .add(c));
        var standings = new ArrayList<Standing>();
        for (var group : byGroup.values()) {
            group.sort(Comparator.comparingDouble(Competitor::score)
                    .reversed()
                    .thenComparing(Competitor::assignee)
                    .thenComparing(Competitor::branch));
            double best = group.stream()
                    .filter(c -> c.vetoes().isEmpty())
                    .mapToDouble(Competitor::score)
                    .max()
                    .orElse(0);
            int rank = 0;
            for (int i = 0; i < group.size(); i++) {
                var c = group.get(i);
                if (i == 0 || c.score() < group.get(i - 1).score()) {
                    rank = i + 1;
                }
                boolean flag = flags && best > 0 && c.vetoes().isEmpty() && c.score() == best;
                standings.add(new Standing(
                        rank, c.assignee(), c.name(), c.bureau(), c.branch(), c.group(), c.score(), flag, c.vetoes()));
            }
        }
        return standings;
    }
}
