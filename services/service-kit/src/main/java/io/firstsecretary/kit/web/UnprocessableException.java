package io.firstsecretary.kit.web;

import java.util.List;

/** The request is well-formed but does not hold: a 422 naming every offending field. */
public class UnprocessableException extends RuntimeException {

    private final List<FieldError> errors;

    public UnprocessableException(String field, String message) {
        this(List.of(FieldError.of(field, message)));
    }

    public UnprocessableException(List<FieldError> errors) {
        super(errors.stream()
                .map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse(""));
        this.errors = List.copyOf(errors);
    }

    public String field() {
        return errors.get(0).field();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
