package io.firstsecretary.activity.attachment;

import io.firstsecretary.contracts.activity.ActivityLogged.Attachment;
import io.firstsecretary.kit.security.Requires;
import io.firstsecretary.kit.security.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/bureaus/{bureau}/activities/attachments")
class AttachmentController {

    private final Attachments attachments;

    AttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    /** Uploads a file (multipart field {@code file}); reference its id from an activity. */
    @Requires(Scope.ACTIVITIES_WRITE)
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
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
