package io.firstsecretary.console.directory;

import io.firstsecretary.console.api.Api;
import io.firstsecretary.console.api.ApiProblem;
import io.firstsecretary.console.api.Directory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The directory's changes, made by the office from a branch's page: a member transferred to another
 * branch or leaving the bureau, the first secretary relieved and another appointed, the branch merged
 * into another. Each is the API's own operation, so each is announced and counted as any other.
 */
@Controller
@RequestMapping("/office/directory/{bureau}")
class DirectoryChangesController {

    /** A code as the directory spells it; anything else is not sent back into a redirect. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final Api api;
    private final Directory directory;

    DirectoryChangesController(Api api, Directory directory) {
        this.api = api;
        this.directory = directory;
    }

    @PostMapping("/members/{member}/transfer")
    String transfer(
            @PathVariable String bureau,
            @PathVariable String member,
            @RequestParam String back,
            @RequestParam(defaultValue = "") String branch,
            @RequestParam(defaultValue = "") String on,
            RedirectAttributes redirect) {
        if (branch.isBlank() || branch.equals(back)) {
            return refuse(redirect, bureau, back, "changes.error.branch");
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("branch", branch);
        if (!on.isBlank()) {
            body.put("on", on);
        }
        return change(
                redirect,
                bureau,
                back,
                "changes.transferred",
                () -> api.post(
                        u -> u.path("/api/v1/bureaus/{b}/members/{m}/transfer").build(bureau, member),
                        body,
                        Map.class));
    }

    @PostMapping("/members/{member}/leave")
    String leave(
            @PathVariable String bureau,
            @PathVariable String member,
            @RequestParam String back,
            @RequestParam(defaultValue = "") String on,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        if (date(on) == null) {
            return refuse(redirect, bureau, back, "changes.error.date");
        }
        if (reason.isBlank()) {
            return refuse(redirect, bureau, back, "changes.error.reason");
        }
        return change(
                redirect,
                bureau,
                back,
                "changes.left",
                () -> api.post(
                        u -> u.path("/api/v1/bureaus/{b}/members/{m}/leave").build(bureau, member),
                        Map.of("on", on, "reason", reason.strip()),
                        Map.class));
    }

    /**
     * 免去并改任: the current term ends on {@code relieveOn} and, when a member is named, his or her
     * term begins on {@code from}; either may be done alone.
     */
    @PostMapping("/branches/{branch}/first-secretary")
    String firstSecretary(
            @PathVariable String bureau,
            @PathVariable String branch,
            @RequestParam(defaultValue = "") String relieveOn,
            @RequestParam(defaultValue = "") String member,
            @RequestParam(defaultValue = "") String from,
            RedirectAttributes redirect) {
        var current = directory.branch(bureau, branch).firstSecretary();
        boolean relieve = current != null && !relieveOn.isBlank();
        if (relieve && date(relieveOn) == null || !member.isBlank() && date(from) == null) {
            return refuse(redirect, bureau, branch, "changes.error.date");
        }
        if (!relieve && member.isBlank()) {
            return refuse(redirect, bureau, branch, "changes.error.nothing");
        }
        if (relieve && !member.isBlank() && !date(from).isAfter(date(relieveOn))) {
            return refuse(redirect, bureau, branch, "changes.error.overlap");
        }
        return change(redirect, bureau, branch, "changes.appointed", () -> {
            if (relieve) {
                api.post(
                        u -> u.path("/api/v1/bureaus/{b}/first-secretaries/{id}/relieve")
                                .build(bureau, current.id()),
                        Map.of("on", relieveOn),
                        Map.class);
            }
            if (!member.isBlank()) {
                api.post(
                        u -> u.path("/api/v1/bureaus/{b}/first-secretaries").build(bureau),
                        Map.of("member", member, "branch", branch, "from", from),
                        Map.class);
            }
            return null;
        });
    }

    @PostMapping("/branches/{branch}/merge")
    String merge(
            @PathVariable String bureau,
            @PathVariable String branch,
            @RequestParam(defaultValue = "") String into,
            @RequestParam(defaultValue = "") String on,
            RedirectAttributes redirect) {
        if (into.isBlank() || into.equals(branch)) {
            return refuse(redirect, bureau, branch, "changes.error.into");
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("into", into);
        if (!on.isBlank()) {
            body.put("on", on);
        }
        return change(
                redirect,
                bureau,
                into,
                "changes.merged",
                () -> api.post(
                        u -> u.path("/api/v1/bureaus/{b}/branches/{branch}/merge")
                                .build(bureau, branch),
                        body,
                        Map.class));
    }

    /** Makes the change, and comes back to the branch's page saying what happened or why it could not. */
    private static String change(
            RedirectAttributes redirect, String bureau, String branch, String done, Supplier<?> change) {
        try {
            change.get();
            redirect.addFlashAttribute("done", done);
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
                throw problem;
            }
            redirect.addFlashAttribute("failed", "changes.error.api");
            redirect.addFlashAttribute("failedDetail", problem.getMessage());
        }
        return page(bureau, branch);
    }

    private static String refuse(RedirectAttributes redirect, String bureau, String branch, String message) {
        redirect.addFlashAttribute("failed", message);
        return page(bureau, branch);
    }

    private static String page(String bureau, String branch) {
        if (!CODE.matcher(bureau).matches() || !CODE.matcher(branch).matches()) {
            return "redirect:/office/directory";
        }
        return "redirect:/office/directory/" + bureau + "/branches/" + branch;
    }

    private static LocalDate date(String value) {
        try {
            return value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
