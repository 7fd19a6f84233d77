package io.firstsecretary.console.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/** Records of what happened, and their attachments, in the activity service. */
@Component
public class Activities {

    private final Api api;

    Activities(Api api) {
        this.api = api;
    }

    /** Logs a record; the same key and body give back the same record, so a double submit logs it once. */
    public Activity log(String bureau, Map<String, Object> body, String idempotencyKey) {
        return api.post(
                u -> u.path("/api/v1/bureaus/{b}/activities").build(bureau),
                body,
                Map.of("Idempotency-Key", idempotencyKey),
                Activity.class);
    }

    public Attachment upload(String bureau, MultipartFile file) {
        var headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.formData()
                .name("file")
                .filename(
                        file.getOriginalFilename() == null ? "附件" : file.getOriginalFilename(), StandardCharsets.UTF_8)
                .build());
        headers.setContentType(
                file.getContentType() == null
                        ? MediaType.APPLICATION_OCTET_STREAM
                        : MediaType.parseMediaType(file.getContentType()));
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new HttpEntity<>(file.getResource(), headers));
        return api.multipart(
                u -> u.path("/api/v1/bureaus/{b}/activities/attachments").build(bureau), parts, Attachment.class);
    }

    public Api.Download attachment(String bureau, String id) {
        return api.download(
                u -> u.path("/api/v1/bureaus/{b}/activities/attachments/{id}").build(bureau, id));
    }

    public Activity get(String bureau, String id) {
        return api.get(u -> u.path("/api/v1/bureaus/{b}/activities/{id}").build(bureau, id), Activity.class);
    }

    public List<Revision> history(String bureau, String id) {
        return api.get(
                        u -> u.path("/api/v1/bureaus/{b}/activities/{id}/history")
                                .build(bureau, id),
                        new ParameterizedTypeReference<Items<Revision>>() {})
                .items();
    }

    public Activity correct(String bureau, String id, Map<String, Object> body) {
        return api.post(
                u -> u.path("/api/v1/bureaus/{b}/activities/{id}/corrections").build(bureau, id), body, Activity.class);
    }

    public Activity voidIt(String bureau, String id, String reason) {
        return api.post(
                u -> u.path("/api/v1/bureaus/{b}/activities/{id}/void").build(bureau, id),
                Map.of("reason", reason),
                Activity.class);
    }

    /** A branch's records between two days, newest first. */
    public List<Activity> ofBranch(String bureau, String branch, LocalDate from, LocalDate to) {
        return api.get(
                        u -> u.path("/api/v1/bureaus/{b}/activities")
                                .queryParam("branch", branch)
                                .queryParam("from", from)
                                .queryParam("to", to)
                                .queryParam("size", 500)
                                .build(bureau),
                        new ParameterizedTypeReference<Page<Activity>>() {})
                .items();
    }

    public record Attachment(String id, String name, String contentType, long size) {}

    public record Activity(
            String id,
            String bureau,
            String type,
            String branch,
            String actor,
            LocalDate occurredOn,
            String title,
            List<String> participants,
            String notes,
            Instant loggedAt,
            String recordedBy,
            List<String> findings,
            LocalDate rectificationDeadline,
            String promotionLevel,
            List<Attachment> attachments,
            String status,
            int revision,
            String voidReason) {

        public Activity {
            participants = participants == null ? List.of() : participants;
            attachments = attachments == null ? List.of() : attachments;
            findings = findings == null ? List.of() : findings;
        }

        public boolean voided() {
            return "VOIDED".equals(status);
        }
    }

    public record Revision(int revision, String kind, Instant at, String reason, List<String> changed) {

        public Revision {
            changed = changed == null ? List.of() : changed;
        }
    }
}
