package io.firstsecretary.organisation.imports;

import io.firstsecretary.kit.web.UnprocessableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads CSV files and XLSX workbooks into {@link Table}s, checking their headers. */
final class TableReader {

    private static final CSVFormat CSV = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private TableReader() {}

    static Table csv(Sheet sheet, InputStream in) {
        try (var bom = BOMInputStream.builder().setInputStream(in).get();
                var parser = CSV.parse(new InputStreamReader(bom, StandardCharsets.UTF_8))) {
            checkHeader(sheet, parser.getHeaderNames());
            var rows = new ArrayList<Table.Row>();
            for (var record : parser) {
                var cells = new LinkedHashMap<String, String>();
                parser.getHeaderNames().forEach(h -> cells.put(h, record.isSet(h) ? record.get(h) : null));
                rows.add(new Table.Row((int) record.getRecordNumber() + 1, cells));
            }
            return new Table(sheet, rows);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new UnprocessableException("file", "Not a readable CSV file: " + e.getMessage());
        }
    }

    /** The workbook's known sheets in application order; other sheets are ignored. */
    static List<Table> workbook(InputStream in) {
        try (var workbook = new XSSFWorkbook(in)) {
            var formatter = new DataFormatter();
            var tables = new ArrayList<Table>();
            for (Sheet sheet : Sheet.values()) {
                var source = workbook.getSheet(sheet.sheetName());
                if (source == null) {
                    continue;
                }
                List<String> header = new ArrayList<>();
                var rows = new ArrayList<Table.Row>();
                for (var row : source) {
                    if (header.isEmpty()) {
                        row.forEach(cell -> header.add(text(cell, formatter)));
                        checkHeader(sheet, header);
                        continue;
                    }
                    Map<String, String> cells = new LinkedHashMap<>();
                    boolean blank = true;
                    for (int i = 0; i < header.size(); i++) {
                        var cell = row.getCell(i);
                        String value = cell == null ? null : text(cell, formatter);
                        blank &= value == null || value.isBlank();
                        cells.put(header.get(i), value);
                    }
                    if (!blank) {
                        rows.add(new Table.Row(row.getRowNum() + 1, cells));
                    }
                }
                tables.add(new Table(sheet, rows));
            }
            if (tables.isEmpty()) {
                throw new UnprocessableException(
                        "file",
                        "The workbook has none of the sheets bureaus, branches, party-groups, members, first-secretaries");
            }
            return tables;
        } catch (IOException | org.apache.poi.UnsupportedFileFormatException | org.apache.poi.ooxml.POIXMLException e) {
            throw new UnprocessableException("file", "Not a readable XLSX workbook: " + e.getMessage());
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        return formatter.formatCellValue(cell).trim();
    }

    private static void checkHeader(Sheet sheet, List<String> header) {
        List<String> unknown =
                header.stream().filter(h -> !sheet.columns().contains(h)).toList();
        if (!unknown.isEmpty()) {
            throw new UnprocessableException(
                    "header",
                    "Sheet " + sheet.sheetName() + " has unknown columns " + unknown + "; expected " + sheet.columns());
        }
    }
}
