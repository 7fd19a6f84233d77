package io.firstsecretary.console.imports;

import io.firstsecretary.console.api.Api;
import io.firstsecretary.console.api.ApiProblem;
import io.firstsecretary.console.api.Directory;
import io.firstsecretary.console.api.Page;
import io.firstsecretary.console.security.Person;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriBuilder;

/**
 * The import wizard: upload a workbook or one sheet as CSV, review what it would change (a dry run
 * writes nothing), apply it while a progress bar follows the import log, and read the result. The
 * file waits in the person's session between the review and the apply, so what is applied is
 * exactly what was reviewed.
 */
@Controller
@RequestMapping("/office/imports")
class ImportsController {

    static final List<String> SHEETS = List.of("bureaus", "branches", "party-groups", "members", "first-secretaries");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PENDING = "pendingImport";

    private final Api api;
    private final Directory directory;

    ImportsController(Api api, Directory directory) {
        this.api = api;
        this.directory = directory;
    }

    /** A reviewed file waiting to be applied. */
    record Pending(String token, String bureau, String filename, String sheet, byte[] bytes) implements Serializable {

        public boolean csv() {
            return sheet != null;
        }
    }

    record RowError(String sheet, int row, String field, String message) {}

    record RowChange(String sheet, int row, String key, String name, String outcome) {}

    record Result(
            String id,
            boolean dryRun,
            int created,
            int updated,
            int unchanged,
            List<RowError> errors,
            List<RowChange> changes) {

        Result {
            errors = errors == null ? List.of() : errors;
            changes = changes == null ? List.of() : changes;
        }
    }

    record Progress(
            String id,
            String bureau,
            String source,
            String status,
            int total,
            int processed,
            int created,
            int updated,
            int unchanged,
            Instant startedAt,
            Instant finishedAt) {

        public boolean running() {
            return "RUNNING".equals(status);
        }

        public int percent() {
            return total == 0 ? 100 : Math.min(100, processed * 100 / total);
        }
    }

    @GetMapping
    String start(Person person, @RequestParam(required = false) String bureau, Model model) {
        String chosen = bureau == null || bureau.isBlank() ? person.bureau() : bureau;
        model.addAttribute("bureau", chosen);
        model.addAttribute("bureaus", directory.bureaus());
        model.addAttribute("sheets", SHEETS);
        model.addAttribute(
                "recent",
                api.get(
                                u -> u.path("/api/v1/bureaus/{b}/imports")
                                        .queryParam("size", 10)
                                        .build(chosen),
                                new ParameterizedTypeReference<Page<Progress>>() {})
                        .items());
        return "imports";
    }

    @PostMapping("/check")
    String check(
            Person person,
            @RequestParam String bureau,
            @RequestParam(defaultValue = "") String sheet,
            @RequestParam(name = "file", required = false) MultipartFile file,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        String name =
                file == null ? "" : String.valueOf(file.getOriginalFilename()).toLowerCase(Locale.ROOT);
        String problem = file == null || file.isEmpty()
                ? "imports.error.noFile"
                : name.endsWith(".csv") && !SHEETS.contains(sheet)
                        ? "imports.error.sheet"
                        : !name.endsWith(".csv") && !name.endsWith(".xlsx") ? "imports.error.type" : null;
        if (problem != null) {
            redirect.addFlashAttribute("failed", problem);
            redirect.addAttribute("bureau", bureau);
            return "redirect:/office/imports";
        }
        var pending = new Pending(
                UUID.randomUUID().toString(),
                bureau,
                file.getOriginalFilename(),
                name.endsWith(".csv") ? sheet : null,
                bytes(file));
        var result = send(pending, true, Map.of(), Result.class);
        if (result.errors().isEmpty()) {
            session.setAttribute(PENDING, pending);
        } else {
            session.removeAttribute(PENDING);
        }
        model.addAttribute("pending", pending);
        model.addAttribute("result", result);
        return "imports-check";
    }

    @PostMapping("/apply")
    String apply(@RequestParam String token, HttpSession session, RedirectAttributes redirect) {
        if (!(session.getAttribute(PENDING) instanceof Pending pending)
                || !pending.token().equals(token)) {
            redirect.addFlashAttribute("failed", "imports.error.expired");
            return "redirect:/office/imports";
        }
        session.removeAttribute(PENDING);
        try {
            var progress = send(pending, false, Map.of("Prefer", "respond-async"), Progress.class);
            redirect.addAttribute("bureau", pending.bureau());
            return "redirect:/office/imports/" + progress.id();
        } catch (ApiProblem refused) {
            if (refused.status() != 409 && refused.status() != 422) {
                throw refused;
            }
            // the directory changed since the review: the file must be reviewed again
            redirect.addFlashAttribute("failed", "imports.error.changed");
            redirect.addFlashAttribute("failedDetail", refused.getMessage());
            redirect.addAttribute("bureau", pending.bureau());
            return "redirect:/office/imports";
        }
    }

    @GetMapping("/{id}")
    String progress(@PathVariable String id, @RequestParam String bureau, Model model) {
        model.addAttribute("progress", progressOf(bureau, id));
        model.addAttribute("bureau", bureau);
        return "import-progress";
    }

    /** The bar alone, which the page asks for again while the import runs. */
    @GetMapping("/{id}/progress")
    String bar(@PathVariable String id, @RequestParam String bureau, Model model) {
        model.addAttribute("progress", progressOf(bureau, id));
        model.addAttribute("bureau", bureau);
        return "import-progress :: bar";
    }

    private Progress progressOf(String bureau, String id) {
        return api.get(u -> u.path("/api/v1/bureaus/{b}/imports/{id}").build(bureau, id), Progress.class);
    }

    private <T> T send(Pending pending, boolean dryRun, Map<String, String> headers, Class<T> type) {
        Function<UriBuilder, URI> uri = pending.csv()
                ? u -> u.path("/api/v1/bureaus/{b}/imports/{sheet}")
                        .queryParam("dryRun", dryRun)
                        .build(pending.bureau(), pending.sheet())
                : u -> u.path("/api/v1/bureaus/{b}/imports")
                        .queryParam("dryRun", dryRun)
                        .build(pending.bureau());
        var contentType =
                pending.csv() ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.parseMediaType(XLSX);
        return api.send(HttpMethod.POST, uri, contentType, pending.bytes(), headers, type);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
