package io.firstsecretary.assessment.obligation;

import io.firstsecretary.assessment.period.Period;
import io.firstsecretary.kit.security.Caller;
import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.Codes;
import io.firstsecretary.kit.web.ConflictException;
import io.firstsecretary.kit.web.NotFoundException;
import io.firstsecretary.kit.web.Paged;
import io.firstsecretary.kit.web.UnprocessableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bureaus/{bureau}")
@Tag(
        name = "Obligations",
        description = "What first secretaries, branches and the bureau owe in each period under the duty catalogue,"
                + " each with its status, and waivers.")
class ObligationController {

    private final MongoTemplate mongo;
    private final ObligationBook book;
    private final Obligations obligations;
    private final Clock clock;

    ObligationController(MongoTemplate mongo, ObligationBook book, Obligations obligations, Clock clock) {
        this.mongo = mongo;
        this.book = book;
        this.obligations = obligations;
        this.clock = clock;
    }

    @Requires(Scope.ASSESSMENT_READ)
    @Operation(
            summary = "List the bureau's obligations",
            description = "Filters by assignee, branch, duty, year, period (2026, 2026-H1, 2026-Q1 or 2026-03) and"
                    + " status, OVERDUE including open ones past their due day. Paged, by due day.")
    @GetMapping("/obligations")
    Paged<ObligationView> list(
            @PathVariable String bureau,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String branch,
            @RequestParam(required = false) String duty,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) ObligationStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        Paged.validate(page, size);
        if (year != null) {
            checkYear(year);
        }
        Period within = period == null ? null : parse(period);
        List<Integer> years = within != null ? List.of(within.year()) : year != null ? List.of(year) : book.yearsKept();
        return obligations.page(
                bureau, years, new Obligations.Wanted(assignee, branch, duty, year, within, status), page, size);
    }

    @Requires(Scope.ASSESSMENT_READ)
    @Operation(summary = "Get an obligation")
    @GetMapping("/obligations/{id}")
    ObligationView one(@PathVariable String bureau, @PathVariable String id) {
        var o = mongo.findById(id, Obligation.class, book.collection());
        if (o == null || !o.bureau().equals(bureau) || o.isRetired()) {
            throw new NotFoundException("No obligation " + id + " in bureau " + bureau);
        }
        return ObligationView.of(o, LocalDate.now(clock.withZone(Period.ZONE)));
    }

    /** The party-building office waives an obligation (豁免), with a reason. */
    @Requires(Scope.ASSESSMENT_WRITE)
    @Operation(
            summary = "Waive an obligation",
            description = "The party-building office waives an obligation (豁免) with a reason; an obligation"
                    + " already waived is answered as it is.")
    @ApiResponse(responseCode = "200", description = "Done: the resource as it now is", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The obligation is already met: met work is not waived")
    @PostMapping("/obligations/{id}/waive")
    ObligationView waive(
            Caller caller, @PathVariable String bureau, @PathVariable String id, @RequestBody WaiveObligation body) {
        if (body.reason() == null || body.reason().isBlank()) {
            throw new UnprocessableException("reason", "reason is required");
        }
        if (body.reason().length() > 500) {
            throw new UnprocessableException("reason", "reason must be at most 500 characters");
        }
        if (body.by() != null && !body.by().matches(Codes.PATTERN)) {
            throw new UnprocessableException("by", "by is the member code of who waived it: " + Codes.MESSAGE);
        }
        var waiving = book.waive(bureau, id, body.reason().strip(), caller.member(body.by(), "by"));
        if (waiving instanceof ObligationBook.Waiving.Waived waived) {
            return waived.obligation();
        }
        if (waiving instanceof ObligationBook.Waiving.AlreadyMet met) {
            throw new ConflictException(
                    "status",
                    "obligation " + id + " is already " + met.obligation().status() + ": met work is not waived");
        }
        throw new NotFoundException("No obligation " + id + " in bureau " + bureau);
    }

    /** Who a first secretary has talked with this year, and who is still missing (谈心谈话全覆盖). */
    @Requires(Scope.ASSESSMENT_READ)
    @Operation(
            summary = "Show a first secretary's talk coverage for a year",
            description = "Who the first secretary has talked with in the year, and who is still missing (谈心谈话全覆盖).")
    @GetMapping("/talk-coverage")
    TalkCoverage talkCoverage(@PathVariable String bureau, @RequestParam String assignee, @RequestParam int year) {
        checkYear(year);
        var talks = book
                .ofListings(obligations.listed(bureau, year).stream()
                        .filter(l -> assignee.equals(l.assignee()) && TALK_DUTIES.contains(l.duty()))
                        .toList())
                .stream()
                .sorted(Comparator.comparing(Obligation::period))
                .toList();
        if (talks.isEmpty()) {
            throw new NotFoundException("No talk duties of " + assignee + " in " + year + " in bureau " + bureau);
        }
        return TalkCoverage.of(assignee, year, talks);
    }

    private static final Set<String> TALK_DUTIES = Set.of("MEMBER_TALK_COVERAGE", "KEY_PERSON_TALKS");

    record WaiveObligation(String reason, String by) {}

    private static Period parse(String period) {
        try {
            return Period.parse(period);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableException("period", "period must look like 2026, 2026-H1, 2026-Q1 or 2026-03");
        }
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2999) {
            throw new UnprocessableException("year", "year must be between 2000 and 2999");
        }
    }
}
