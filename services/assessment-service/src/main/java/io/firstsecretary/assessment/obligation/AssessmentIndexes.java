package io.firstsecretary.assessment.obligation;

import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.facts.Generation;
import io.firstsecretary.assessment.facts.Generations;
import io.firstsecretary.assessment.facts.Keys;
import io.firstsecretary.kit.store.StoreIndex;
import io.firstsecretary.kit.store.StoreIndexes;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the assessment service's queries need on MongoDB, in the live generation's collections (a
 * rebuild creates them for the generation it fills); the scenarios check that none goes without.
 * The hot reads are by key ({@link Keys}); these serve the clock, the catalogue and the rebuild.
 */
@Component
public class AssessmentIndexes implements StoreIndexes {

    private final Generations live;

    AssessmentIndexes(Generations live) {
        this.live = live;
    }

    @Override
    public List<StoreIndex> indexes() {
        return forGeneration(live);
    }

    public static List<StoreIndex> forGeneration(Generation generation) {
        return List.of(
                // the clock's sweep for open obligations past their due day
                StoreIndex.on(generation.of(ObligationBook.OBLIGATIONS), "status", "dueOn"),
                // a bureau's ledgers of some years (the bureau-meeting report), its branches, its subtree
                StoreIndex.on(generation.of(Facts.LEDGERS), "bureau", "year"),
                StoreIndex.on(generation.of(Facts.BRANCHES), "bureau", "code"),
                StoreIndex.on(generation.of(Facts.BUREAUS), "path"),
                // the office's waivers of a scope
                StoreIndex.on(Facts.WAIVERS, "scopeKey"),
                // catalogue and scoring-policy versions of the bureaus on a path
                StoreIndex.on("catalogues", "bureau"),
                StoreIndex.on("scoring_policies", "bureau"));
    }
}
