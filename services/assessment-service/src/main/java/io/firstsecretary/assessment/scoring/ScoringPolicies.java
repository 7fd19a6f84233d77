package io.firstsecretary.assessment.scoring;

import io.firstsecretary.assessment.versioning.BureauVersions;
import io.firstsecretary.assessment.versioning.BureauVersions.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** The scoring policy versions of every bureau, inherited down the bureau tree. */
@Repository
public class ScoringPolicies {

    private final BureauVersions<ScoringPolicy> versions;
    private final ScoringPolicy defaults = ScoringPolicy.defaultPolicy();

    ScoringPolicies(MongoTemplate mongo) {
        this.versions = new BureauVersions<>(
                mongo,
                "scoring_policies",
                ScoringPolicy.class,
                defaults,
                ScoringPolicy::version,
                ScoringPolicy::effectiveFrom);
    }

    /** The policy in force on each day; before any version applies, the earliest default applies. */
    public Function<LocalDate, ScoringPolicy> forBureau(List<String> path) {
        var inForce = versions.forPath(path);
        return day -> inForce.apply(day).map(Version::value).orElse(defaults);
    }

    /** {@link #forBureau} for each path, read at once. */
    public Map<List<String>, Function<LocalDate, ScoringPolicy>> forBureaus(Collection<List<String>> paths) {
        var functions = new HashMap<List<String>, Function<LocalDate, ScoringPolicy>>();
        versions.forPaths(paths)
                .forEach((path, inForce) -> functions.put(
                        path, day -> inForce.apply(day).map(Version::value).orElse(defaults)));
        return functions;
    }

    /** The version in force; before any version applies, the default (as scorecards use it). */
    Version<ScoringPolicy> inForce(List<String> path, LocalDate day) {
        return versions.inForce(path, day).orElse(new Version<>(null, null, defaults));
    }

    List<Version<ScoringPolicy>> versions(String bureau) {
        return versions.versions(bureau);
    }

    Version<ScoringPolicy> save(String bureau, ScoringPolicy policy, Instant savedAt) {
        return versions.save(bureau, policy, savedAt);
    }
}
