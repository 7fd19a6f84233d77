package io.firstsecretary.organisation.imports;

import io.firstsecretary.kit.web.NotFoundException;
import io.firstsecretary.kit.web.Paged;
import java.time.Clock;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Imports as they run: another request can follow a large import's progress. */
@Component
class ImportLog {

    static final String COLLECTION = "imports";

    private final MongoTemplate mongo;
    private final Clock clock;

    ImportLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    ImportProgress started(String id, String bureau, String source, int total) {
        return mongo.insert(
                new ImportProgress(id, bureau, source, Status.RUNNING, total, 0, 0, 0, 0, clock.instant(), null),
                COLLECTION);
    }

    void progressed(String id, int processed) {
        mongo.updateFirst(byId(id), new Update().set("processed", processed), COLLECTION);
    }

    void finished(String id, Status status, ImportResult result) {
        mongo.updateFirst(
                byId(id),
                new Update()
                        .set("status", status.name())
                        .set("processed", result.created() + result.updated() + result.unchanged())
                        .set("created", result.created())
                        .set("updated", result.updated())
                        .set("unchanged", result.unchanged())
                        .set("finishedAt", clock.instant()),
                COLLECTION);
    }

    ImportProgress require(String bureau, String id) {
        var progress = mongo.findOne(
                Query.query(Criteria.where("_id").is(id).and("bureau").is(bureau)), ImportProgress.class, COLLECTION);
        if (progress == null) {
            throw new NotFoundException("No import " + id + " in bureau " + bureau);
        }
        return progress;
    }

    Paged<ImportProgress> list(String bureau, int page, int size) {
        Paged.validate(page, size);
        var filter = Query.query(Criteria.where("bureau").is(bureau));
        var query = Query.of(filter)
                .with(Sort.by(Sort.Direction.DESC, "startedAt"))
                .skip((long) page * size)
                .limit(size);
        return new Paged<>(
                mongo.find(query, ImportProgress.class, COLLECTION), page, size, mongo.count(filter, COLLECTION));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    enum Status {
        RUNNING,
        DONE,
        FAILED
    }

    /** How far an import has got: {@code processed} of {@code total} rows. */
    record ImportProgress(
            @Id String id,
            String bureau,
            String source,
            Status status,
            int total,
            int processed,
            int created,
            int updated,
            int unchanged,
            Instant startedAt,
            Instant finishedAt) {}
}
