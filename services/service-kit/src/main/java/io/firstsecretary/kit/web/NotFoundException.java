package io.firstsecretary.kit.web;

/** The addressed resource does not exist (or is not visible to the caller's bureau). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
