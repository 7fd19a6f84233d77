package io.firstsecretary.assessment.obligation;

import io.firstsecretary.assessment.period.Period;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads obligations for scores, rankings, roll-ups and reports, with statuses as of today. */
@Component
public class Obligations {

    private final MongoTemplate mongo;
    private final ObligationBook book;
    private final Clock clock;

    Obligations(MongoTemplate mongo, ObligationBook book, Clock clock) {
        this.mongo = mongo;
        this.book = book;
        this.clock = clock;
    }

    /** Every obligation of the bureau whose period lies in {@code year}. */
    public List<ObligationView> ofYear(String bureau, int year) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Period.ZONE);
        var query = Query.query(Criteria.where("bureau")
                        .is(bureau)
                        .and("period")
                        .regex("^" + year)
                        .and("retired")
                        .ne(true))
                .with(Sort.by("dueOn", "duty", "assignee", "branch"));
        return mongo.find(query, Obligation.class, book.collection()).stream()
                .map(o -> ObligationView.of(o, today))
                .toList();
    }
}
