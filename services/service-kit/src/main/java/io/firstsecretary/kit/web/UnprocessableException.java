package io.firstsecretary.kit.web;

/** The request is well-formed but names something that does not hold: a 422 naming the field. */
public class UnprocessableException extends RuntimeException {

    private final String field;

    public UnprocessableException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
