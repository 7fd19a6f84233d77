package io.firstsecretary.console.record;

import io.firstsecretary.console.api.Activities;
import io.firstsecretary.console.api.ApiProblem;
import io.firstsecretary.console.api.Assessment;
import io.firstsecretary.console.api.Assessment.Obligation;
import io.firstsecretary.console.api.Directory;
import io.firstsecretary.console.duties.DutyCards;
import io.firstsecretary.console.security.Person;
import io.firstsecretary.console.web.Labels;
import io.firstsecretary.console.web.Refusals;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 登记: the form for the activity that fulfils a duty, filled in from the duty (type, branch, today,
 * the branch's members to pick), with its attachments uploaded in the same submit; and a record's
 * page with its history, its correction and its void.
 */
@Controller
class RecordController {

    private final Assessment assessment;
    private final Activities activities;
    private final Directory directory;
    private final DutyCards cards;
    private final Clock clock;

    RecordController(Assessment assessment, Activities activities, Directory directory, DutyCards cards, Clock clock) {
        this.assessment = assessment;
        this.activities = activities;
        this.directory = directory;
        this.cards = cards;
        this.clock = clock;
    }

    @GetMapping("/record")
    String form(
            Person person,
            @RequestParam String obligation,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        var duty = assessment.obligation(person.bureau(), obligation);
        var type = cards.activityType(person.bureau(), duty);
        var form = new RecordForm(
                duty.id(),
                type,
                duty.branch(),
                today().toString(),
                cards.name(person.bureau(), duty),
                "TALK".equals(type) ? duty.missing() : List.of(),
                null,
                null,
                null,
                null,
                null,
                UUID.randomUUID().toString());
        prepare(person, duty, form, model);
        model.addAttribute("inline", htmx != null);
        return htmx != null ? "record-form :: form" : "record";
    }

    @PostMapping("/record")
    String record(
            Person person,
            @ModelAttribute("form") RecordForm form,
            BindingResult errors,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        var duty = assessment.obligation(person.bureau(), form.obligation());
        form.validate(today(), errors);
        if (!errors.hasErrors()) {
            try {
                var attachments = new ArrayList<String>();
                for (var file : files == null ? List.<MultipartFile>of() : files) {
                    if (!file.isEmpty()) {
                        attachments.add(activities.upload(person.bureau(), file).id());
                    }
                }
                var logged =
                        activities.log(person.bureau(), form.body(person.member(), attachments), form.idempotencyKey());
                if (htmx == null) {
                    redirect.addFlashAttribute("saved", logged.title());
                    return "redirect:/duties";
                }
                model.addAttribute("duty", cards.waitingFor(person.bureau(), duty, logged.id()));
                model.addAttribute("saved", logged.title());
                return "record-form :: saved";
            } catch (ApiProblem problem) {
                if (problem.status() != 422 && problem.status() != 400 && problem.status() != 409) {
                    throw problem;
                }
                Refusals.onFields(problem, errors, RecordForm::fieldOf);
            }
        }
        prepare(person, duty, form, model);
        model.addAttribute("inline", htmx != null);
        return htmx != null ? "record-form :: form" : "record";
    }

    @GetMapping("/activities/{id}")
    String activity(
            Person person, @PathVariable String id, @RequestParam(required = false) String bureau, Model model) {
        String of = bureau == null || bureau.isBlank() ? person.bureau() : bureau;
        var activity = activities.get(of, id);
        model.addAttribute("activity", activity);
        model.addAttribute("history", activities.history(of, id));
        model.addAttribute("names", directory.branch(of, activity.branch()).names());
        return "activity";
    }

    @PostMapping("/activities/{id}/void")
    String voidRecord(
            Person person,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            RedirectAttributes redirect) {
        if (reason.isBlank()) {
            redirect.addFlashAttribute("actionError", "validation.reason");
            return "redirect:/activities/" + id;
        }
        activities.voidIt(person.bureau(), id, reason.strip());
        redirect.addFlashAttribute("done", "record.voided");
        return "redirect:/activities/" + id;
    }

    @PostMapping("/activities/{id}/corrections")
    String correct(
            Person person,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String notes,
            RedirectAttributes redirect) {
        if (reason.isBlank()) {
            redirect.addFlashAttribute("actionError", "validation.reason");
            return "redirect:/activities/" + id;
        }
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("reason", reason.strip());
        if (!title.isBlank()) {
            body.put("title", title.strip());
        }
        body.put("notes", notes.strip());
        try {
            activities.correct(person.bureau(), id, body);
            redirect.addFlashAttribute("done", "record.corrected");
        } catch (ApiProblem problem) {
            if (problem.status() != 422 && problem.status() != 409) {
                throw problem;
            }
            redirect.addFlashAttribute("actionError", "validation.api");
            redirect.addFlashAttribute("actionDetail", problem.getMessage());
        }
        return "redirect:/activities/" + id;
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<byte[]> attachment(Person person, @PathVariable String id) {
        var download = activities.attachment(person.bureau(), id);
        return ResponseEntity.ok()
                .contentType(download.type())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        download.filename() == null ? id : download.filename(),
                                        java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(download.bytes());
    }

    private void prepare(Person person, Obligation duty, RecordForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("obligation", duty);
        model.addAttribute("dutyName", cards.name(person.bureau(), duty));
        model.addAttribute("branch", directory.branch(person.bureau(), duty.branch()));
        model.addAttribute("today", today());
        model.addAttribute("promotionLevels", List.of("BRANCH", "BUREAU", "MUNICIPAL", "PROVINCIAL", "NATIONAL"));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Labels.ZONE));
    }
}
