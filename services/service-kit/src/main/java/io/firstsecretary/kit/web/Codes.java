package io.firstsecretary.kit.web;

/** The shape of client-chosen codes: bureau, branch, party-group and member identifiers. */
public final class Codes {

    public static final String PATTERN = "^[A-Za-z0-9_-]{1,64}$";
    public static final String MESSAGE = "must be 1-64 letters, digits, '-' or '_'";

    private Codes() {}
}
