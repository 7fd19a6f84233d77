package io.firstsecretary.kit.web;

import java.util.List;

/** A page of a list: {@code {"items":[…],"page":0,"size":50,"total":123}}. */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;

    /** Checks the paging parameters a client sent. */
    public static void validate(int page, int size) {
        if (page < 0) {
            throw new UnprocessableException("page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new UnprocessableException("size", "size must be between 1 and " + MAX_SIZE);
        }
    }
}
