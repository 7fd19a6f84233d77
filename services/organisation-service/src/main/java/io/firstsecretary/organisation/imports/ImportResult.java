package io.firstsecretary.organisation.imports;

import java.util.List;

/**
 * What an import did, or with {@code dryRun} would do; with errors it wrote nothing. {@code changes}
 * lists the rows that create or update something, the first {@value #CHANGES_LISTED} of them, for a
 * person to review before applying.
 */
public record ImportResult(
        String id,
        boolean dryRun,
        int created,
        int updated,
        int unchanged,
        List<RowError> errors,
        List<RowChange> changes) {

    static final int CHANGES_LISTED = 1000;

    ImportResult withDryRun(boolean dryRun) {
        return new ImportResult(id, dryRun, created, updated, unchanged, errors, changes);
    }

    /** A row that creates or updates: which sheet and row, what it names, and how it changes the directory. */
    public record RowChange(String sheet, int row, String key, String name, String outcome) {}
}
