package io.firstsecretary.assessment.competition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RankingPropertiesTest {

    @Provide
    Arbitrary<List<Ranking.Competitor>> fields() {
        var score = Arbitraries.integers().between(0, 20).map(n -> n * 2.5);
        var group = Arbitraries.of("g1", "g2", "b");
        var vetoed = Arbitraries.integers().between(0, 4).map(n -> n == 0 ? List.of("OVERDUE X") : List.<String>of());
        return Combinators.combine(Arbitraries.integers().between(0, 999), score, group, vetoed)
                .as((n, s, g, v) -> new Ranking.Competitor("m" + n, "名" + n, "b", "br" + n, g, s, v))
                .list()
                .ofMaxSize(25)
                .uniqueElements(Ranking.Competitor::assignee);
    }

    @Property
    void aRankIsOneMoreThanTheNumberWhoScoredHigherInTheGroup(@ForAll("fields") List<Ranking.Competitor> field) {
        var standings = Ranking.rank(field, true);
        assertThat(standings).hasSameSizeAs(field);
        for (Standing s : standings) {
            long higher = field.stream()
                    .filter(c -> c.group().equals(s.group()) && c.score() > s.score())
                    .count();
            assertThat(s.rank()).isEqualTo(higher + 1);
        }
    }

    @Property
    void theFlagGoesToTheBestUnvetoedScoreOfEachGroupAndOnlyThere(@ForAll("fields") List<Ranking.Competitor> field) {
        var standings = Ranking.rank(field, true);
        for (Standing s : standings) {
            double best = field.stream()
                    .filter(c -> c.group().equals(s.group()) && c.vetoes().isEmpty())
                    .mapToDouble(Ranking.Competitor::score)
                    .max()
                    .orElse(0);
            boolean expected = s.vetoes().isEmpty() && best > 0 && s.score() == best;
            assertThat(s.flag()).as(s.toString()).isEqualTo(expected);
        }
        assertThat(Ranking.rank(field, false)).noneMatch(Standing::flag);
    }
}
