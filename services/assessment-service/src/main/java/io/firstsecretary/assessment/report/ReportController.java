package io.firstsecretary.assessment.report;

import io.firstsecretary.assessment.facts.BureauPaths;
import io.firstsecretary.assessment.facts.Facts;
import io.firstsecretary.assessment.facts.FiledReport;
import io.firstsecretary.assessment.obligation.ObligationBook;
import io.firstsecretary.assessment.period.Cadence;
import io.firstsecretary.assessment.period.Period;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.assessment.BureauMeetingReportFiled;
import io.firstsecretary.kit.outbox.Outbox;
import io.firstsecretary.kit.security.Caller;
import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.Codes;
import io.firstsecretary.kit.web.UnprocessableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly bureau-meeting report (每月局务会专题汇报): generated on request as JSON, an XLSX
 * workbook ({@code format=xlsx}) or a printable HTML page ({@code format=html}); filing it meets
 * the party-building office's BUREAU_MEETING_REPORT duty for the month.
 */
@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/reports/bureau-meeting/{month}")
@Tag(
        name = "Reports",
        description = "The monthly bureau-meeting report (每月局务会专题汇报), generated on request, and its filing.")
class ReportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportGenerator generator;
    private final ReportRemarks remarks;
    private final Facts facts;
    private final BureauPaths paths;
    private final Outbox outbox;
    private final ObligationBook book;
    private final Clock clock;

    ReportController(
            ReportGenerator generator,
            Facts facts,
            BureauPaths paths,
            Outbox outbox,
            ObligationBook book,
            ReportRemarks remarks,
            Clock clock) {
        this.generator = generator;
        this.remarks = remarks;
        this.facts = facts;
        this.paths = paths;
        this.outbox = outbox;
        this.book = book;
        this.clock = clock;
    }

    @Requires(Scope.ASSESSMENT_READ)
    @Operation(
            summary = "Preview the month's bureau-meeting report",
            description = "Generated on request: format=json (the default), format=xlsx for a workbook or"
                    + " format=html for a printable page.")
    @GetMapping
    ResponseEntity<?> report(
            @PathVariable String bureau,
            @PathVariable String month,
            @RequestParam(defaultValue = "json") String format) {
        var report = generator.generate(bureau, parse(month));
        String file = bureau + "-bureau-meeting-" + report.month();
        return switch (format) {
            case "json" ->
                ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
            case "html" ->
                ResponseEntity.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .body(ReportHtml.render(report));
            case "xlsx" ->
                ResponseEntity.ok()
                        .contentType(XLSX)
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename(file + ".xlsx")
                                        .build()
                                        .toString())
                        .body(ReportWorkbook.render(report));
            default -> throw new UnprocessableException("format", "format must be json, html or xlsx");
        };
    }

    /** Files the month's report with the bureau meeting; filing again records the later filing. */
    @Requires(Scope.ASSESSMENT_WRITE)
    @Operation(
            summary = "File the month's bureau-meeting report",
            description = "Meets the party-building office's BUREAU_MEETING_REPORT duty for the month; filing again"
                    + " records who filed last and keeps the time it was first filed.")
    @PostMapping("/filing")
    FiledReport file(
            Caller caller,
            @PathVariable String bureau,
            @PathVariable String month,
            @RequestBody(required = false) Filing body) {
        Period period = parse(month);
        var path = paths.of(bureau);
        if (body != null && body.filedBy() != null && !body.filedBy().matches(Codes.PATTERN)) {
            throw new UnprocessableException("filedBy", "filedBy is a member code: " + Codes.MESSAGE);
        }
        // Filing again records who filed last but keeps the day it was first filed: it was not late.
        var firstFiled = facts.filedReport(bureau, period.toString())
                .map(FiledReport::filedAt)
                .orElse(clock.instant());
        var filed = new FiledReport(
                FiledReport.idOf(bureau, period.toString()),
                bureau,
                path,
                period.toString(),
                caller.member(body == null ? null : body.filedBy(), "filedBy"),
                firstFiled);
        var event = outbox.event(
                Events.BUREAU_MEETING_REPORT_FILED,
                filed.id(),
                "bureaus/" + bureau + "/bureau-meeting-reports/" + filed.id(),
                bureau,
                path,
                new BureauMeetingReportFiled(
                        filed.id(), bureau, path, filed.month(), filed.filedBy(), filed.filedAt()));
        outbox.save(Facts.REPORTS, filed.id(), filed, List.of(event));
        book.recomputeBureau(bureau, path);
        return facts.filedReport(bureau, period.toString()).orElse(filed);
    }

    record Filing(String filedBy) {}

    /** The office's own text for the month's report; blank removes it. */
    record RemarksBody(String text) {}

    @Requires(Scope.ASSESSMENT_WRITE)
    @Operation(
            summary = "Write the office's own text for the month's report",
            description = "Shown as the report's last section (工作说明) in every format; writing again replaces it,"
                    + " a blank text removes it.")
    @PutMapping("/remarks")
    BureauMeetingReport.Remarks remarks(
            Caller caller, @PathVariable String bureau, @PathVariable String month, @RequestBody RemarksBody body) {
        Period period = parse(month);
        paths.of(bureau);
        String text = body == null || body.text() == null ? "" : body.text().strip();
        if (text.length() > ReportRemarks.MAX_LENGTH) {
            throw new UnprocessableException(
                    "text", "text is at most " + ReportRemarks.MAX_LENGTH + " characters, not " + text.length());
        }
        var saved = remarks.save(bureau, period.toString(), text, caller.actor());
        return new BureauMeetingReport.Remarks(saved.text(), saved.writtenBy(), saved.writtenAt());
    }

    private Period parse(String month) {
        if (!month.matches("^\\d{4}-(0[1-9]|1[0-2])$")) {
            throw new UnprocessableException("month", "month must look like 2026-03");
        }
        Period period = Period.parse(month);
        if (period.start().isAfter(LocalDate.ofInstant(clock.instant(), Period.ZONE))) {
            throw new UnprocessableException("month", "month " + month + " has not begun");
        }
        if (period.cadence() != Cadence.MONTH) {
            throw new UnprocessableException("month", "month must look like 2026-03");
        }
        return period;
    }
}
