package io.firstsecretary.console.office;

import io.firstsecretary.console.api.Api;
import io.firstsecretary.console.api.ApiProblem;
import io.firstsecretary.console.security.Person;
import io.firstsecretary.console.web.Labels;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 每月局务会专题汇报: the month's report as the assessment service compiles it, to preview, download as
 * XLSX, print, and file (which meets the office's own monthly duty).
 */
@Controller
class ReportController {

    /** As long as the assessment service keeps. */
    static final int REMARKS_LENGTH = 5000;

    private final Api api;
    private final Clock clock;

    ReportController(Api api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    record Summary(
            int firstSecretaries,
            int dueThisMonth,
            int metThisMonth,
            int overdue,
            Double quarterComplianceRate,
            int activitiesThisMonth) {}

    record Secretary(
            String assignee,
            String name,
            String branchName,
            int metThisQuarter,
            int owedThisQuarter,
            int overdue,
            double yearScore) {}

    record Behind(String assignee, String name, String dutyName, String period, LocalDate dueOn, String status) {}

    record Coverage(String name, int required, int covered, double share) {}

    record Highlight(String activity, String type, LocalDate occurredOn, String branch, String title) {}

    record Filed(String filedBy, Instant filedAt) {}

    record Remarks(String text, String writtenBy, Instant writtenAt) {}

    record Report(
            String bureauName,
            String month,
            LocalDate asOf,
            Summary summary,
            List<Secretary> firstSecretaries,
            List<Behind> behind,
            List<Coverage> talkCoverage,
            List<Highlight> highlights,
            Remarks remarks,
            Filed filed) {

        Report {
            firstSecretaries = firstSecretaries == null ? List.of() : firstSecretaries;
            behind = behind == null ? List.of() : behind;
            talkCoverage = talkCoverage == null ? List.of() : talkCoverage;
            highlights = highlights == null ? List.of() : highlights;
        }
    }

    @GetMapping("/office/report")
    String report(Person person, @RequestParam(required = false) String month, Model model) {
        String shown = monthOf(month);
        model.addAttribute("month", shown);
        model.addAttribute("previous", YearMonth.parse(shown).minusMonths(1).toString());
        model.addAttribute("report", api.get(u -> path(u).build(person.bureau(), shown), Report.class));
        return "report";
    }

    @GetMapping("/office/report.xlsx")
    ResponseEntity<byte[]> xlsx(Person person, @RequestParam(required = false) String month) {
        String shown = monthOf(month);
        var download = api.download(u -> path(u).queryParam("format", "xlsx").build(person.bureau(), shown));
        return ResponseEntity.ok()
                .contentType(download.type())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        "局务会汇报-" + person.bureau() + "-" + shown + ".xlsx",
                                        java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(download.bytes());
    }

    /** The report as the assessment service prints it, for the browser's print dialog. */
    @GetMapping("/office/report/print")
    ResponseEntity<byte[]> print(Person person, @RequestParam(required = false) String month) {
        String shown = monthOf(month);
        var download = api.download(u -> path(u).queryParam("format", "html").build(person.bureau(), shown));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(download.bytes());
    }

    @PostMapping("/office/report/filing")
    String file(Person person, @RequestParam String month, RedirectAttributes redirect) {
        String shown = monthOf(month);
        try {
            api.post(
                    u -> u.path("/api/v1/bureaus/{b}/reports/bureau-meeting/{m}/filing")
                            .build(person.bureau(), shown),
                    Map.of("filedBy", person.member()),
                    Filed.class);
            redirect.addFlashAttribute("done", "report.filed");
        } catch (ApiProblem problem) {
            if (problem.status() != 422) {
                throw problem;
            }
            redirect.addFlashAttribute("failed", problem.getMessage());
        }
        return "redirect:/office/report?month=" + shown;
    }

    /** The office's own text, the report's last section in every format. */
    @PostMapping("/office/report/remarks")
    String remarks(
            Person person,
            @RequestParam String month,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        String shown = monthOf(month);
        if (text.strip().length() > REMARKS_LENGTH) {
            redirect.addFlashAttribute("remarksError", "report.remarks.tooLong");
            redirect.addFlashAttribute("remarksText", text);
            return "redirect:/office/report?month=" + shown;
        }
        api.put(
                u -> path(u).path("/remarks").build(person.bureau(), shown),
                Map.of("text", text.strip()),
                Remarks.class);
        redirect.addFlashAttribute("done", text.isBlank() ? "report.remarks.removed" : "report.remarks.saved");
        return "redirect:/office/report?month=" + shown;
    }

    private String monthOf(String month) {
        if (month != null && month.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            return month;
        }
        return YearMonth.from(LocalDate.now(clock.withZone(Labels.ZONE))).toString();
    }

    private static org.springframework.web.util.UriBuilder path(org.springframework.web.util.UriBuilder u) {
        return u.path("/api/v1/bureaus/{b}/reports/bureau-meeting/{m}");
    }
}
