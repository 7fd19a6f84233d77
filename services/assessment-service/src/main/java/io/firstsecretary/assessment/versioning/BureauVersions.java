package io.firstsecretary.assessment.versioning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rules kept as data, versioned per bureau with effective dates (the duty catalogue, the scoring
 * policy). A bureau without its own version for a day uses its parent's, up to the root, then the
 * platform default; of one bureau's versions the latest {@code effectiveFrom} on or before the day
 * applies, the one saved last winning a tie.
 */
public final class BureauVersions<T> {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final MongoTemplate mongo;
    private final String collection;
    private final Class<T> type;
    private final T defaults;
    private final Function<T, String> versionOf;
    private final Function<T, LocalDate> effectiveFromOf;

    public BureauVersions(
            MongoTemplate mongo,
            String collection,
            Class<T> type,
            T defaults,
            Function<T, String> versionOf,
            Function<T, LocalDate> effectiveFromOf) {
        this.mongo = mongo;
        this.collection = collection;
        this.type = type;
        this.defaults = defaults;
        this.versionOf = versionOf;
        this.effectiveFromOf = effectiveFromOf;
    }

    /** A version and whose it is: {@code bureau} and {@code savedAt} absent for the platform default. */
    public record Version<T>(String bureau, Instant savedAt, T value) {}

    /** The version in force on each day for the bureau at the end of {@code path}, read once. */
    public Function<LocalDate, Optional<Version<T>>> forPath(List<String> path) {
        return forPaths(List.of(path)).get(path);
    }

    /**
     * For each path, the version in force on each day for the bureau at its end: one read for them
     * all. Each function parses a version once and answers a day it was asked before from memory.
     */
    public Map<List<String>, Function<LocalDate, Optional<Version<T>>>> forPaths(Collection<List<String>> paths) {
        var bureaus = paths.stream().flatMap(List::stream).distinct().toList();
        var stored = mongo.find(Query.query(Criteria.where("bureau").in(bureaus)), Stored.class, collection);
        var parsed = new HashMap<String, Version<T>>();
        var functions = new HashMap<List<String>, Function<LocalDate, Optional<Version<T>>>>();
        for (var path : paths) {
            var ofPath = stored.stream().filter(v -> path.contains(v.bureau())).toList();
            var byDay = new HashMap<LocalDate, Optional<Version<T>>>();
            functions.put(path, day -> byDay.computeIfAbsent(day, d -> resolve(path, ofPath, d, parsed)));
        }
        return functions;
    }

    public Optional<Version<T>> inForce(List<String> path, LocalDate day) {
        return forPath(path).apply(day);
    }

    public List<Version<T>> versions(String bureau) {
        return mongo.find(Query.query(Criteria.where("bureau").is(bureau)), Stored.class, collection).stream()
                .sorted(Comparator.comparing(Stored::effectiveFrom).thenComparing(Stored::savedAt))
                .map(this::toVersion)
                .toList();
    }

    public Version<T> save(String bureau, T value, Instant savedAt) {
        String version = versionOf.apply(value);
        mongo.save(
                new Stored(
                        bureau + "/" + version,
                        bureau,
                        version,
                        effectiveFromOf.apply(value),
                        savedAt,
                        JSON.writeValueAsString(value)),
                collection);
        return new Version<>(bureau, savedAt, value);
    }

    private Optional<Version<T>> resolve(
            List<String> path, List<Stored> stored, LocalDate day, Map<String, Version<T>> parsed) {
        for (int i = path.size() - 1; i >= 0; i--) {
            String bureau = path.get(i);
            var own = stored.stream()
                    .filter(v -> v.bureau().equals(bureau) && !v.effectiveFrom().isAfter(day))
                    .max(Comparator.comparing(Stored::effectiveFrom).thenComparing(Stored::savedAt));
            if (own.isPresent()) {
                return own.map(v -> parsed.computeIfAbsent(v.id(), id -> toVersion(v)));
            }
        }
        return effectiveFromOf.apply(defaults).isAfter(day)
                ? Optional.empty()
                : Optional.of(new Version<>(null, null, defaults));
    }

    private Version<T> toVersion(Stored stored) {
        return new Version<>(stored.bureau(), stored.savedAt(), JSON.readValue(stored.json(), type));
    }

    record Stored(
            @Id String id, String bureau, String version, LocalDate effectiveFrom, Instant savedAt, String json) {}
}
