package io.firstsecretary.activity.activity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A filtered list of activities as a CSV file or an XLSX workbook, one row per record. */
final class ActivityExport {

    static final List<String> COLUMNS = List.of(
            "id", "type", "branch", "actor", "occurredOn", "title", "participants", "status", "revision", "loggedAt");

    private static final List<Function<Activity, Object>> VALUES = List.of(
            Activity::id,
            Activity::type,
            Activity::branch,
            Activity::actor,
            Activity::occurredOn,
            Activity::title,
            a -> String.join(";", people(a)),
            Activity::status,
            Activity::revision,
            Activity::loggedAt);

    private ActivityExport() {}

    static byte[] csv(List<Activity> activities) {
        var out = new ByteArrayOutputStream();
        try (var printer = CSVFormat.DEFAULT
                .builder()
                .setHeader(COLUMNS.toArray(String[]::new))
                .get()
                .print(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            for (Activity a : activities) {
                printer.printRecord(VALUES.stream().map(v -> text(v.apply(a))).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx(List<Activity> activities) {
        try (var workbook = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("activities");
            var header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(COLUMNS.get(c));
            }
            for (int r = 0; r < activities.size(); r++) {
                var row = sheet.createRow(r + 1);
                for (int c = 0; c < VALUES.size(); c++) {
                    row.createCell(c).setCellValue(text(VALUES.get(c).apply(activities.get(r))));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everyone who took part, whatever the type calls them. */
    private static List<String> people(Activity a) {
        if (a.attendees() != null) {
            return a.attendees();
        }
        if (a.audience() != null) {
            return a.audience();
        }
        return a.participants() == null ? List.of() : a.participants();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
