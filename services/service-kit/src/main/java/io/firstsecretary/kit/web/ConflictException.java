package io.firstsecretary.kit.web;

/** The request conflicts with what already exists: a 409 naming the field. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
