package io.firstsecretary.kit.web;

/**
 * One field-level error in a problem response: {@code {"field":"participants[1]",
 * "pointer":"/participants/1","message":"…"}}; {@code pointer} is the RFC 6901 JSON pointer into
 * the request body.
 */
public record FieldError(String field, String pointer, String message) {

    public static FieldError of(String field, String message) {
        return new FieldError(field, pointerOf(field), message);
    }

    static String pointerOf(String field) {
        if (field == null || field.isEmpty()) {
            return "";
        }
        return "/"
                + field.replace("~", "~0")
                        .replace("/", "~1")
                        .replaceAll("\\[(\\d+)]", ".$1")
                        .replace('.', '/');
    }
}
