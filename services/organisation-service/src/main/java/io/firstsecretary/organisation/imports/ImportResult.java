package io.firstsecretary.organisation.imports;

import java.util.List;

/** What an import did, or with {@code dryRun} would do; with errors it wrote nothing. */
public record ImportResult(String id, boolean dryRun, int created, int updated, int unchanged, List<RowError> errors) {}
