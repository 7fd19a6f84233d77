package io.firstsecretary.assessment.obligation;

import io.firstsecretary.kit.web.Paged;
import io.firstsecretary.kit.web.UnprocessableException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/obligations")
class ObligationController {

    private final MongoTemplate mongo;
    private final Clock clock;

    ObligationController(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @GetMapping
    Paged<ObligationView> list(
            @PathVariable String bureau,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) ObligationStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        Paged.validate(page, size);
        LocalDate today = LocalDate.now(clock);
        var criteria = Criteria.where("bureau").is(bureau);
        if (assignee != null) {
            criteria = criteria.and("assignee").is(assignee);
        }
        if (year != null) {
            if (year < 2000 || year > 2999) {
                throw new UnprocessableException("year", "year must be between 2000 and 2999");
            }
            criteria = criteria.and("dueOn").gte(LocalDate.of(year, 1, 1)).lte(LocalDate.of(year, 12, 31));
        }
        if (status == ObligationStatus.OVERDUE) {
            criteria = criteria.and("status")
                    .is(ObligationStatus.OPEN.name())
                    .and("dueOn")
                    .lt(today);
        } else if (status == ObligationStatus.OPEN) {
            criteria = criteria.and("status")
                    .is(ObligationStatus.OPEN.name())
                    .and("dueOn")
                    .gte(today);
        } else if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        var query = Query.query(criteria)
                .with(Sort.by("dueOn", "duty", "assignee"))
                .skip((long) page * size)
                .limit(size);
        var items = mongo.find(query, Obligation.class, ObligationBook.OBLIGATIONS).stream()
                .map(o -> ObligationView.of(o, today))
                .toList();
        return new Paged<>(items, page, size, mongo.count(Query.query(criteria), ObligationBook.OBLIGATIONS));
    }
}
