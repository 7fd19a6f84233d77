package io.firstsecretary.organisation.imports;

/** What is wrong with one cell of an imported file. */
public record RowError(String sheet, int row, String field, String message) {}
