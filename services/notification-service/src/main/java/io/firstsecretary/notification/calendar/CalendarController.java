package io.firstsecretary.notification.calendar;

import io.firstsecretary.kit.security.PublicEndpoint;
import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.NotFoundException;
import io.firstsecretary.notification.directory.Directory;
import io.firstsecretary.notification.message.Messages;
import io.firstsecretary.notification.reminder.ReminderBook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's upcoming due dates (open obligations not yet due) as an iCalendar feed that Outlook or a phone calendar can subscribe
 * to: {@code POST …/members/{member}/calendar-token} issues the feed's secret address (revoking any
 * earlier one), {@code DELETE} revokes it, and {@code GET /api/v1/calendar/{token}.ics} is the feed.
 */
@RestController
@Tag(
        name = "Calendar",
        description = "A member's upcoming due dates as an iCalendar feed that Outlook or a phone calendar"
                + " subscribes to.")
class CalendarController {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final CalendarTokens tokens;
    private final ReminderBook book;
    private final Messages messages;
    private final Directory directory;
    private final Clock clock;
    private final String linkBase;

    CalendarController(
            CalendarTokens tokens,
            ReminderBook book,
            Messages messages,
            Directory directory,
            Clock clock,
            @Value("${firstsec.notification.link-base:http://127.0.0.1:8080}") String linkBase) {
        this.tokens = tokens;
        this.book = book;
        this.messages = messages;
        this.directory = directory;
        this.clock = clock;
        this.linkBase = linkBase;
    }

    record Issued(String token, String url) {}

    @Requires(Scope.SELF)
    @Operation(
            summary = "Issue a member's calendar feed address",
            description = "The feed's secret address; issuing one revokes any earlier one.")
    @PostMapping("/api/v1/bureaus/{bureau}/members/{member}/calendar-token")
    @ResponseStatus(HttpStatus.CREATED)
    Issued issue(@PathVariable String bureau, @PathVariable String member) {
        directory.requirePerson(bureau, member);
        String token = tokens.issue(bureau, member, clock.instant());
        return new Issued(token, linkBase + "/api/v1/calendar/" + token + ".ics");
    }

    @Requires(Scope.SELF)
    @Operation(summary = "Revoke a member's calendar feed")
    @DeleteMapping("/api/v1/bureaus/{bureau}/members/{member}/calendar-token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String bureau, @PathVariable String member) {
        if (!tokens.revoke(bureau, member)) {
            throw new NotFoundException(member + " has no calendar feed");
        }
    }

    @PublicEndpoint("the token in the path is the credential: a calendar application cannot log in")
    @Operation(
            summary = "Get a member's calendar feed",
            description = "The open obligations not yet due, as iCalendar; the token in the path is the credential,"
                    + " since a calendar application cannot log in.")
    @GetMapping("/api/v1/calendar/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        var holder = tokens.holderOf(token);
        if (holder == null) {
            throw new NotFoundException("No calendar feed at this address; it may have been revoked");
        }
        var calendar = new ICalendar("第一书记工作", clock.instant());
        for (var o : book.openOf(holder.bureau(), holder.member())) {
            if (o.dueOn().isBefore(book.today())) {
                continue; // past due: in the reminders and the digest, not among upcoming dates
            }
            String duty = messages.dutyName(o.duty());
            calendar.allDay(
                    o.id() + "@firstsec",
                    o.dueOn(),
                    duty + "（" + o.period() + "）截止",
                    directory.branchName(o.bureau(), o.branch()) + "：" + duty + "（" + o.period() + "）须于当日前完成。",
                    linkBase + "/obligations/" + o.id());
        }
        return ResponseEntity.ok().contentType(CALENDAR).body(calendar.end());
    }
}
