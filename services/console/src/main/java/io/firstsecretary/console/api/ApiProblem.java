package io.firstsecretary.console.api;

import java.util.List;

/**
 * A refusal from the platform API: its status and its {@code application/problem+json} body, with
 * the fields it named, so a form can show each message beside its field.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(int status, String title, String detail, List<FieldError> errors) {
        super(detail == null ? title : detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** A field the API found wrong: its name as the API knows it and why. */
    public record FieldError(String field, String pointer, String message) {}
}
