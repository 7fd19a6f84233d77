package io.firstsecretary.notification.inbox;

import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.FieldError;
import io.firstsecretary.kit.web.NotFoundException;
import io.firstsecretary.kit.web.Paged;
import io.firstsecretary.kit.web.UnprocessableException;
import io.firstsecretary.notification.directory.Directory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/bureaus/{bureau}/members/{member}/inbox}: a member's reminders, newest first, with
 * the number unread; {@code PATCH …/inbox/{id}} {@code {"read":true|false}} marks one.
 */
@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/members/{member}/inbox")
@Tag(name = "Inbox", description = "A member's reminders in the platform's inbox, read or unread.")
class InboxController {

    private final MongoTemplate mongo;
    private final Directory directory;

    InboxController(MongoTemplate mongo, Directory directory) {
        this.mongo = mongo;
        this.directory = directory;
    }

    record Page(List<InboxItem> items, int page, int size, long total, long unread) {}

    record Mark(Boolean read) {}

    @Requires(Scope.SELF)
    @Operation(
            summary = "List a member's inbox",
            description = "Newest first, with the number unread; unread=true lists the unread items only. Paged.")
    @GetMapping
    Page list(
            @PathVariable String bureau,
            @PathVariable String member,
            @RequestParam(required = false) Boolean unread,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        directory.requirePerson(bureau, member);
        Paged.validate(page, size);
        var unreadItems = Criteria.where("bureau")
                .is(bureau)
                .and("member")
                .is(member)
                .and("read")
                .is(false);
        var selected = Boolean.TRUE.equals(unread)
                ? Query.query(unreadItems)
                : Query.query(Criteria.where("bureau").is(bureau).and("member").is(member));
        long total = mongo.count(selected, InboxChannel.INBOX);
        var items = mongo.find(
                selected.with(Sort.by(Sort.Direction.DESC, "receivedAt", "_id"))
                        .skip((long) page * size)
                        .limit(size),
                InboxItem.class,
                InboxChannel.INBOX);
        long unreadCount = mongo.count(Query.query(unreadItems), InboxChannel.INBOX);
        return new Page(items, page, size, total, unreadCount);
    }

    @Requires(Scope.SELF)
    @Operation(summary = "Mark an inbox item read or unread")
    @PatchMapping("/{id}")
    InboxItem mark(
            @PathVariable String bureau, @PathVariable String member, @PathVariable String id, @RequestBody Mark body) {
        if (body.read() == null) {
            throw new UnprocessableException(List.of(FieldError.of("read", "read is required: true or false")));
        }
        var item = mongo.findAndModify(
                Query.query(Criteria.where("_id")
                        .is(id)
                        .and("bureau")
                        .is(bureau)
                        .and("member")
                        .is(member)),
                new Update().set("read", body.read()),
                org.springframework.data.mongodb.core.FindAndModifyOptions.options()
                        .returnNew(true),
                InboxItem.class,
                InboxChannel.INBOX);
        if (item == null) {
            throw new NotFoundException("No inbox item " + id + " for " + member);
        }
        return item;
    }
}
