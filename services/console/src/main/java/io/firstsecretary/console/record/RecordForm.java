package io.firstsecretary.console.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.validation.Errors;

/**
 * The 登记 form: one record of work, filled in for the duty it was opened from.
 *
 * @param findings one finding a line (督导检查)
 * @param commitments one commitment item a line (年初承诺)
 * @param idempotencyKey made when the form is shown, so submitting it twice logs one record
 */
public record RecordForm(
        String obligation,
        String type,
        String branch,
        String occurredOn,
        String title,
        List<String> participants,
        String notes,
        String findings,
        String rectificationDeadline,
        String promotionLevel,
        String commitments,
        String idempotencyKey) {

    static final int TITLE_MAX = 300;
    static final int NOTES_MAX = 10_000;

    public RecordForm {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    /** What a person can get wrong, found before the API is asked, with the messages' keys. */
    void validate(LocalDate today, Errors errors) {
        if (blank(type)) {
            errors.rejectValue("type", "validation.required");
        }
        if (blank(occurredOn)) {
            errors.rejectValue("occurredOn", "validation.required");
        } else if (date(occurredOn) == null) {
            errors.rejectValue("occurredOn", "typeMismatch");
        } else if (date(occurredOn).isAfter(today)) {
            errors.rejectValue("occurredOn", "validation.future");
        }
        if (blank(title)) {
            errors.rejectValue("title", "validation.required");
        } else if (title.strip().length() > TITLE_MAX) {
            errors.rejectValue("title", "validation.tooLong", new Object[] {TITLE_MAX}, null);
        }
        if (notes != null && notes.length() > NOTES_MAX) {
            errors.rejectValue("notes", "validation.tooLong", new Object[] {NOTES_MAX}, null);
        }
        if ("TALK".equals(type) && participants.isEmpty()) {
            errors.rejectValue("participants", "validation.talkWith");
        }
        if ("SUPERVISION_INSPECTION".equals(type) && !lines(findings).isEmpty() && blank(rectificationDeadline)) {
            errors.rejectValue("rectificationDeadline", "validation.required");
        } else if (!blank(rectificationDeadline) && date(rectificationDeadline) == null) {
            errors.rejectValue("rectificationDeadline", "typeMismatch");
        }
        if ("EXPERIENCE_SUMMARY".equals(type) && blank(promotionLevel)) {
            errors.rejectValue("promotionLevel", "validation.required");
        }
        if ("ANNUAL_COMMITMENT".equals(type) && lines(commitments).isEmpty()) {
            errors.rejectValue("commitments", "validation.required");
        }
    }

    /** The API's body for this record, logged by {@code actor} with the uploaded attachments. */
    Map<String, Object> body(String actor, List<String> attachments) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", type);
        body.put("branch", branch);
        body.put("actor", actor);
        body.put("occurredOn", date(occurredOn).toString());
        body.put("title", title.strip());
        body.put("participants", participants);
        if (!blank(notes)) {
            body.put("notes", notes.strip());
        }
        if (!attachments.isEmpty()) {
            body.put("attachments", attachments);
        }
        switch (type) {
            case "SUPERVISION_INSPECTION" -> {
                var found = lines(findings);
                if (!found.isEmpty()) {
                    body.put("findings", found);
                    body.put(
                            "rectificationDeadline", date(rectificationDeadline).toString());
                }
            }
            case "EXPERIENCE_SUMMARY" -> body.put("promotionLevel", promotionLevel);
            case "ANNUAL_COMMITMENT" -> {
                var items = new ArrayList<Map<String, String>>();
                var texts = lines(commitments);
                for (int i = 0; i < texts.size(); i++) {
                    items.add(Map.of("code", "c" + (i + 1), "text", texts.get(i)));
                }
                body.put("commitmentItems", items);
            }
            default -> {}
        }
        return body;
    }

    /** The form field an API error names: {@code participants[2]} is the participants list, and so on. */
    static String fieldOf(String apiField) {
        if (apiField == null) {
            return null;
        }
        String root = apiField.replaceAll("[\\[.].*$", "");
        return switch (root) {
            case "type",
                    "occurredOn",
                    "title",
                    "participants",
                    "notes",
                    "findings",
                    "rectificationDeadline",
                    "promotionLevel" -> root;
            case "audience", "attendees", "absentees" -> "participants";
            case "commitmentItems" -> "commitments";
            default -> null;
        };
    }

    /** A day as {@code <input type="date">} sends it (2026-08-03), or null for anything else. */
    static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
