package io.firstsecretary.assessment.report;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The party-building office's own words in a month's report (工作说明): what the figures leave out,
 * what the bureau meeting should decide. One text per bureau and month, rewritten until it suits.
 */
@Component
class ReportRemarks {

    static final String COLLECTION = "report-remarks";
    static final int MAX_LENGTH = 5000;

    private final MongoTemplate mongo;
    private final Clock clock;

    ReportRemarks(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    record Remarks(@Id String id, String bureau, String month, String text, String writtenBy, Instant writtenAt) {}

    Remarks save(String bureau, String month, String text, String writtenBy) {
        var remarks = new Remarks(bureau + ":" + month, bureau, month, text, writtenBy, clock.instant());
        mongo.save(remarks, COLLECTION);
        return remarks;
    }

    Optional<Remarks> find(String bureau, String month) {
        return Optional.ofNullable(mongo.findById(bureau + ":" + month, Remarks.class, COLLECTION));
    }
}
