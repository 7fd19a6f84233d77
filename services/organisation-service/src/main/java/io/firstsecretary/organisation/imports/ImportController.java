package io.firstsecretary.organisation.imports;

import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk import of a bureau's organisation: one sheet as CSV, or a whole XLSX workbook. With {@code
 * dryRun=true} nothing is written and the answer says what would happen; a file with errors is
 * answered 422 and writes nothing.
 */
@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/imports")
@Tag(
        name = "Imports",
        description = "Bulk import of a bureau's organisation from a CSV sheet or an XLSX workbook, and the"
                + " progress of imports.")
class ImportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String IMPORTED = "The import's result; with dryRun what it would do, and nothing written";
    static final String STARTED =
            "With Prefer: respond-async, every row was checked and the import goes on; Location names its progress";

    private final Importer importer;
    private final ImportLog importLog;
    private final Executor executor;

    ImportController(
            Importer importer, ImportLog importLog, @Qualifier(ImportConfiguration.EXECUTOR) Executor executor) {
        this.importer = importer;
        this.importLog = importLog;
        this.executor = executor;
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @Operation(
            summary = "Import one sheet as CSV",
            description = "With dryRun=true nothing is written and the answer says what would happen; a file with"
                    + " errors is answered 422 and writes nothing.",
            requestBody =
                    @RequestBody(
                            description = "the sheet as CSV, its header row first",
                            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    @ApiResponse(
            responseCode = "200",
            description = IMPORTED,
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @ApiResponse(
            responseCode = "202",
            description = STARTED,
            content = @Content(schema = @Schema(implementation = ImportLog.ImportProgress.class)))
    @ApiResponse(responseCode = "415", description = "The body is neither text/csv nor text/plain")
    @PostMapping(
            path = "/{sheet}",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<?> csv(
            @PathVariable String bureau,
            @PathVariable String sheet,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestHeader(name = "Prefer", required = false) String prefer,
            InputStream body) {
        Sheet target = Sheet.named(sheet).orElseThrow(() -> Importer.unknownSheet(sheet));
        return answer(bureau, sheet + ".csv", List.of(TableReader.csv(target, body)), dryRun, prefer);
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @Operation(
            summary = "Import an XLSX workbook",
            description = "One sheet per table, as the raw body or as the multipart field file. With dryRun=true"
                    + " nothing is written and the answer says what would happen; a file with errors is answered"
                    + " 422 and writes nothing.",
            requestBody =
                    @RequestBody(
                            description = "the workbook, one sheet per table",
                            content = @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(
            responseCode = "200",
            description = IMPORTED,
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @ApiResponse(
            responseCode = "202",
            description = STARTED,
            content = @Content(schema = @Schema(implementation = ImportLog.ImportProgress.class)))
    @ApiResponse(responseCode = "415", description = "The body is neither an XLSX workbook nor multipart/form-data")
    @PostMapping(consumes = XLSX)
    ResponseEntity<?> workbook(
            @PathVariable String bureau,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestHeader(name = "Prefer", required = false) String prefer,
            InputStream body) {
        return answer(bureau, "workbook.xlsx", TableReader.workbook(body), dryRun, prefer);
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @Operation(
            summary = "Import an XLSX workbook",
            description = "One sheet per table, as the raw body or as the multipart field file. With dryRun=true"
                    + " nothing is written and the answer says what would happen; a file with errors is answered"
                    + " 422 and writes nothing.")
    @ApiResponse(
            responseCode = "200",
            description = IMPORTED,
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @ApiResponse(
            responseCode = "202",
            description = STARTED,
            content = @Content(schema = @Schema(implementation = ImportLog.ImportProgress.class)))
    @ApiResponse(responseCode = "413", description = "The uploaded file exceeds the service's multipart upload limit")
    @ApiResponse(responseCode = "415", description = "The body is neither an XLSX workbook nor multipart/form-data")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> uploadedWorkbook(
            @PathVariable String bureau,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestHeader(name = "Prefer", required = false) String prefer,
            @RequestPart("file") MultipartFile file) {
        try (var in = file.getInputStream()) {
            return answer(bureau, file.getOriginalFilename(), TableReader.workbook(in), dryRun, prefer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Requires(Scope.DIRECTORY_READ)
    @Operation(summary = "List the bureau's imports", description = "The latest first. Paged.")
    @GetMapping
    Paged<ImportLog.ImportProgress> list(
            @PathVariable String bureau,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return importLog.list(bureau, page, size);
    }

    @Requires(Scope.DIRECTORY_READ)
    @Operation(summary = "Get an import's progress")
    @GetMapping("/{id:[0-9a-f-]{36}}")
    ImportLog.ImportProgress progress(@PathVariable String bureau, @PathVariable String id) {
        return importLog.require(bureau, id);
    }

    /**
     * Imports now, or with {@code Prefer: respond-async} (RFC 7240) checks every row now and applies
     * them after answering 202, so a person watches the progress instead of a request that hangs.
     */
    private ResponseEntity<?> answer(String bureau, String source, List<Table> tables, boolean dryRun, String prefer) {
        boolean async = prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async");
        if (!async || dryRun) {
            return answer(importer.run(bureau, source, tables, dryRun));
        }
        var plan = importer.plan(bureau, source, tables);
        if (!plan.result().errors().isEmpty()) {
            return answer(plan.result().withDryRun(false));
        }
        var progress = importer.start(plan, executor);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/bureaus/" + bureau + "/imports/" + progress.id()))
                .header("Preference-Applied", "respond-async")
                .body(progress);
    }

    private static ResponseEntity<?> answer(ImportResult result) {
        if (result.dryRun() || result.errors().isEmpty()) {
            return ResponseEntity.ok(result);
        }
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                result.errors().size() + " rows cannot be imported; nothing was written");
        problem.setType(URI.create("https://firstsecretary.io/problems/unprocessable-content"));
        problem.setProperty("created", result.created());
        problem.setProperty("updated", result.updated());
        problem.setProperty("unchanged", result.unchanged());
        problem.setProperty("errors", result.errors());
        return ResponseEntity.unprocessableContent()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
