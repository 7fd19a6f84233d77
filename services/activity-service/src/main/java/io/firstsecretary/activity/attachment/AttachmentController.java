package io.firstsecretary.activity.attachment;

import io.firstsecretary.contracts.activity.ActivityLogged.Attachment;
import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/activities/attachments")
@Tag(
        name = "Attachments",
        description = "Files kept with activities (minutes, photos, scans): uploaded first, then referenced by id"
                + " from an activity or a correction.")
class AttachmentController {

    private final Attachments attachments;

    AttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    /** Uploads a file (multipart field {@code file}); reference its id from an activity. */
    @Requires(Scope.ACTIVITIES_WRITE)
    @Operation(
            summary = "Upload an attachment",
            description = "The multipart field file, a PDF, JPEG, PNG, text, Word or Excel file; activities and"
                    + " corrections refer to it by the id answered.")
    @ApiResponse(responseCode = "413", description = "The file or the request exceeds the service's upload limit")
    @ApiResponse(responseCode = "415", description = "The request is not multipart/form-data")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Attachment> upload(@PathVariable String bureau, @RequestPart("file") MultipartFile file) {
        try (var in = file.getInputStream()) {
            var stored =
                    attachments.store(bureau, file.getOriginalFilename(), file.getContentType(), file.getSize(), in);
            return ResponseEntity.created(
                            URI.create("/api/v1/bureaus/" + bureau + "/activities/attachments/" + stored.id()))
                    .body(stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Requires(Scope.ACTIVITIES_READ)
    @Operation(summary = "Download an attachment")
    @GetMapping("/{id}")
    ResponseEntity<byte[]> download(@PathVariable String bureau, @PathVariable String id) {
        var file = attachments.download(bureau, id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(file.content());
    }
}
