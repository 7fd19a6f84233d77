package io.firstsecretary.organisation.imports;

import java.util.List;
import java.util.Map;

/** The rows of one sheet; row numbers are those a spreadsheet shows (the header is row 1). */
record Table(Sheet sheet, List<Row> rows) {

    record Row(int number, Map<String, String> cells) {

        String get(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
