package io.firstsecretary.assessment.catalogue;

import io.firstsecretary.assessment.versioning.BureauVersions;
import io.firstsecretary.assessment.versioning.BureauVersions.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** The duty catalogue versions of every bureau, inherited down the bureau tree. */
@Repository
public class Catalogues {

    private final BureauVersions<DutyCatalogue> versions;

    Catalogues(MongoTemplate mongo) {
        this.versions = new BureauVersions<>(
                mongo,
                "catalogues",
                DutyCatalogue.class,
                DutyCatalogue.defaultCatalogue(),
                DutyCatalogue::version,
                DutyCatalogue::effectiveFrom);
    }

    /** The catalogue in force on each day for the bureau at the end of {@code path}. */
    public Function<LocalDate, Optional<DutyCatalogue>> forBureau(List<String> path) {
        var inForce = versions.forPath(path);
        return day -> inForce.apply(day).map(Version::value);
    }

    public Optional<Version<DutyCatalogue>> inForce(List<String> path, LocalDate day) {
        return versions.inForce(path, day);
    }

    public List<Version<DutyCatalogue>> versions(String bureau) {
        return versions.versions(bureau);
    }

    Version<DutyCatalogue> save(String bureau, DutyCatalogue catalogue, Instant savedAt) {
        return versions.save(bureau, catalogue, savedAt);
    }
}
