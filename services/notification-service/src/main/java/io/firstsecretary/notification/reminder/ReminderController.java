package io.firstsecretary.notification.reminder;

import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@RequestMapping("/api/v1/bureaus/{bureau}/reminders")
@Tag(name = "Reminders", description = "The reminders of a bureau's obligations: scheduled, sent, failed or cancelled.")
class ReminderController {

    private final MongoTemplate mongo;

    ReminderController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Requires(Scope.ASSESSMENT_READ)
    @Operation(
            summary = "List the bureau's reminders",
            description = "Filters by recipient, status and stage. Paged, by the time each is scheduled for.")
    @GetMapping
    Paged<Reminder> list(
            @PathVariable String bureau,
            @RequestParam(required = false) String recipient,
            @RequestParam(required = false) ReminderStatus status,
            @RequestParam(required = false) ReminderStage stage,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        Paged.validate(page, size);
        var criteria = Criteria.where("bureau").is(bureau);
        if (recipient != null) {
            criteria = criteria.and("recipient").is(recipient);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        if (stage != null) {
            criteria = criteria.and("stage").is(stage.name());
        }
        var query = Query.query(criteria)
                .with(Sort.by("scheduledFor", "_id"))
                .skip((long) page * size)
                .limit(size);
        return new Paged<>(
                mongo.find(query, Reminder.class, ReminderBook.REMINDERS),
                page,
                size,
                mongo.count(Query.query(criteria), ReminderBook.REMINDERS));
    }
}
