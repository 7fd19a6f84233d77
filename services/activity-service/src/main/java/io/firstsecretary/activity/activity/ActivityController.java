package io.firstsecretary.activity.activity;

import io.firstsecretary.kit.security.Caller;
import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Role;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.ForbiddenException;
import io.firstsecretary.kit.web.Paged;
import io.firstsecretary.kit.web.UnprocessableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/activities")
@Tag(
        name = "Activities",
        description = "Records of the work first secretaries and branches do (lectures, talks, meetings, research"
                + " and the rest), with their corrections and voids.")
class ActivityController {

    private final ActivityLog activities;

    ActivityController(ActivityLog activities) {
        this.activities = activities;
    }

    /** 201 for a new activity; 200 with the original when an Idempotency-Key request is repeated. */
    @Requires(Scope.ACTIVITIES_WRITE)
    @Operation(
            summary = "Log an activity",
            description = "With an Idempotency-Key, the same key and body again answer 200 with the activity logged"
                    + " the first time; the same key with another body is a conflict.")
    @ApiResponse(
            responseCode = "200",
            description = "The Idempotency-Key was used before with the same body: the activity logged then,"
                    + " nothing written",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was already used for a different request")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Activity> log(
            @PathVariable String bureau,
            Caller caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody LogActivity request) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new UnprocessableException("Idempotency-Key", "must be 1-200 characters");
        }
        ownWork(caller, request.actor());
        var registration = activities.log(
                bureau, idempotencyKey, request.recordedBy(caller.member(request.recordedBy(), "recordedBy")));
        return registration.response("/api/v1/bureaus/" + bureau + "/activities/"
                + registration.value().id());
    }

    @Requires(Scope.ACTIVITIES_READ)
    @Operation(
            summary = "List the bureau's activities",
            description = "Filters by branch, type, actor, participant (also the audience and attendees) and the days"
                    + " from and to; voided records only with includeVoided=true. Paged, the latest first.")
    @GetMapping
    Paged<Activity> list(
            @PathVariable String bureau,
            @RequestParam(required = false) String branch,
            @RequestParam(required = false) ActivityType type,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String participant,
            @RequestParam(defaultValue = "false") boolean includeVoided,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return activities.list(
                bureau, new ActivityFilter(branch, type, actor, participant, from, to, includeVoided), page, size);
    }

    /** The filtered list as a file: {@code format=csv} or {@code format=xlsx} (up to 50,000 rows). */
    @Requires(Scope.ACTIVITIES_READ)
    @Operation(
            summary = "Export the bureau's activities as CSV or XLSX",
            description = "The list's filters apply; format=csv (the default) or format=xlsx, up to 50,000 rows, the"
                    + " earliest first.")
    @GetMapping("/export")
    ResponseEntity<byte[]> export(
            @PathVariable String bureau,
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) String branch,
            @RequestParam(required = false) ActivityType type,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String participant,
            @RequestParam(defaultValue = "false") boolean includeVoided,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        var rows = activities.all(
                bureau, new ActivityFilter(branch, type, actor, participant, from, to, includeVoided), 50_000);
        return switch (format) {
            case "csv" -> file(ActivityExport.csv(rows), "text/csv;charset=UTF-8", bureau + "-activities.csv");
            case "xlsx" ->
                file(
                        ActivityExport.xlsx(rows),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        bureau + "-activities.xlsx");
            default -> throw new UnprocessableException("format", "format must be csv or xlsx");
        };
    }

    /** A branch's month: {@code {"branch","month","days":[{"date","activities":[…]}]}}. */
    @Requires(Scope.ACTIVITIES_READ)
    @Operation(
            summary = "Show a branch's activities of a month, day by day",
            description = "The branch's activities of the month (like 2026-03) that were not voided, grouped by day.")
    @GetMapping("/calendar")
    Map<String, Object> calendar(@PathVariable String bureau, @RequestParam String branch, @RequestParam String month) {
        YearMonth yearMonth;
        try {
            yearMonth = YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            throw new UnprocessableException("month", "month must look like 2026-03");
        }
        var rows = activities.all(
                bureau,
                new ActivityFilter(branch, null, null, null, yearMonth.atDay(1), yearMonth.atEndOfMonth(), false),
                10_000);
        var days = new java.util.TreeMap<LocalDate, List<Map<String, Object>>>();
        for (Activity a : rows) {
            days.computeIfAbsent(a.occurredOn(), d -> new java.util.ArrayList<>())
                    .add(Map.of("id", a.id(), "type", a.type(), "title", a.title(), "actor", a.actor()));
        }
        return Map.of(
                "branch",
                branch,
                "month",
                yearMonth.toString(),
                "days",
                days.entrySet().stream()
                        .map(e -> Map.of("date", e.getKey(), "activities", e.getValue()))
                        .toList());
    }

    private static ResponseEntity<byte[]> file(byte[] body, String contentType, String name) {
        return ResponseEntity.ok()
                .header("Content-Type", contentType)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .body(body);
    }

    @Requires(Scope.ACTIVITIES_READ)
    @Operation(summary = "Get an activity")
    @GetMapping("/{id}")
    Activity get(@PathVariable String bureau, @PathVariable String id) {
        return activities.require(bureau, id);
    }

    /** Every revision of the record: as logged, each correction with its reason, the void. */
    @Requires(Scope.ACTIVITIES_READ)
    @Operation(
            summary = "List an activity's revisions",
            description = "Every revision of the record: as logged, each correction with its reason, the void.")
    @GetMapping("/{id}/history")
    java.util.Map<String, Object> history(@PathVariable String bureau, @PathVariable String id) {
        return java.util.Map.of("items", activities.history(bureau, id));
    }

    @Requires(Scope.ACTIVITIES_WRITE)
    @Operation(
            summary = "Void an activity",
            description = "The record stays readable with its reason and is evidence of nothing any more.")
    @ApiResponse(responseCode = "200", description = "Done: the resource as it now is", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description = "The activity was already voided, or another request changed it meanwhile")
    @PostMapping("/{id}/void")
    Activity voidActivity(
            Caller caller,
            @PathVariable String bureau,
            @PathVariable String id,
            @Valid @RequestBody VoidActivity request) {
        ownRecord(caller, activities.require(bureau, id));
        return activities.voidActivity(
                bureau, id, new VoidActivity(request.reason(), caller.member(request.by(), "by")));
    }

    @Requires(Scope.ACTIVITIES_WRITE)
    @Operation(
            summary = "Correct an activity",
            description = "The changed fields are checked like a new record; the earlier revision is kept in the"
                    + " history.")
    @ApiResponse(responseCode = "200", description = "Done: the resource as it now is", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The activity was voided, or another request changed it meanwhile")
    @PostMapping("/{id}/corrections")
    Activity correct(
            Caller caller,
            @PathVariable String bureau,
            @PathVariable String id,
            @Valid @RequestBody CorrectActivity request) {
        ownRecord(caller, activities.require(bureau, id));
        if (request.actor() != null) {
            ownWork(caller, request.actor());
        }
        return activities.correct(bureau, id, request);
    }

    /**
     * A first secretary logs his or her own work; a branch secretary keeps the branch's records, and
     * an office or a system records anyone's (the rules then check the branch and the duty).
     */
    private static void ownWork(Caller caller, String actor) {
        if (!caller.is(Role.BRANCH_SECRETARY)) {
            caller.member(actor, "actor");
        }
    }

    /** A first secretary corrects or voids only what he or she did or recorded. */
    private static void ownRecord(Caller caller, Activity activity) {
        if (caller.recordsOnBehalf() || caller.is(Role.BRANCH_SECRETARY)) {
            return;
        }
        if (!caller.member().equals(activity.actor()) && !caller.member().equals(activity.recordedBy())) {
            throw new ForbiddenException("Activity " + activity.id() + " is neither your work nor recorded by you");
        }
    }
}
