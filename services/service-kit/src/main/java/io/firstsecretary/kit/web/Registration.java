package io.firstsecretary.kit.web;

import java.net.URI;
import org.springframework.http.ResponseEntity;

/**
 * The outcome of registering something under a client-chosen code: created now (201), or already
 * there with the same details (200, nothing written, no event).
 */
public record Registration<T>(T value, boolean created) {

    public ResponseEntity<T> response(String location) {
        return created ? ResponseEntity.created(URI.create(location)).body(value) : ResponseEntity.ok(value);
    }
}
