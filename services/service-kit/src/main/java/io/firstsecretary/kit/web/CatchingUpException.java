package io.firstsecretary.kit.web;

import java.time.Duration;

/**
 * This service's replica of another's data is still catching up, so it cannot answer the request
 * truthfully yet: a 503 with {@code Retry-After}.
 */
public class CatchingUpException extends RuntimeException {

    private final Duration retryAfter;

    public CatchingUpException(String topic, Duration retryAfter) {
        super("The directory is catching up with recent changes (" + topic + "); try again in "
                + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
