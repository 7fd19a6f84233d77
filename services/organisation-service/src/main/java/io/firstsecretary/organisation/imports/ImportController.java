package io.firstsecretary.organisation.imports;

import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.firstsecretary.kit.web.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
class ImportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Importer importer;
    private final ImportLog importLog;

    ImportController(Importer importer, ImportLog importLog) {
        this.importer = importer;
        this.importLog = importLog;
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @Operation(
            requestBody =
                    @RequestBody(
                            description = "the sheet as CSV, its header row first",
                            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    @PostMapping(
            path = "/{sheet}",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<?> csv(
            @PathVariable String bureau,
            @PathVariable String sheet,
            @RequestParam(defaultValue = "false") boolean dryRun,
            InputStream body) {
        Sheet target = Sheet.named(sheet).orElseThrow(() -> Importer.unknownSheet(sheet));
        return answer(importer.run(bureau, sheet + ".csv", List.of(TableReader.csv(target, body)), dryRun));
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @Operation(
            requestBody =
                    @RequestBody(
                            description = "the workbook, one sheet per table",
                            content = @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))))
    @PostMapping(consumes = XLSX)
    ResponseEntity<?> workbook(
            @PathVariable String bureau, @RequestParam(defaultValue = "false") boolean dryRun, InputStream body) {
        return answer(importer.run(bureau, "workbook.xlsx", TableReader.workbook(body), dryRun));
    }

    @Requires(Scope.DIRECTORY_WRITE)
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> uploadedWorkbook(
            @PathVariable String bureau,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestPart("file") MultipartFile file) {
        try (var in = file.getInputStream()) {
            return answer(importer.run(bureau, file.getOriginalFilename(), TableReader.workbook(in), dryRun));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Requires(Scope.DIRECTORY_READ)
    @GetMapping
    Paged<ImportLog.ImportProgress> list(
            @PathVariable String bureau,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return importLog.list(bureau, page, size);
    }

    @Requires(Scope.DIRECTORY_READ)
    @GetMapping("/{id:[0-9a-f-]{36}}")
    ImportLog.ImportProgress progress(@PathVariable String bureau, @PathVariable String id) {
        return importLog.require(bureau, id);
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
