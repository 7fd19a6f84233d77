package io.firstsecretary.kit.web;

/** One field-level error in a problem response: {@code {"field":"branch","message":"…"}}. */
public record FieldError(String field, String message) {}
