package io.firstsecretary.console.office;

import io.firstsecretary.console.api.Assessment;
import io.firstsecretary.console.api.Assessment.Obligation;
import io.firstsecretary.console.api.Directory;
import io.firstsecretary.console.duties.DutyCards;
import io.firstsecretary.console.security.Person;
import io.firstsecretary.console.web.Labels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 履职矩阵 for the party-building office: a bureau (or its whole subtree) and a year, on screen or as XLSX. */
@Controller
class MatrixController {

    private final Assessment assessment;
    private final Directory directory;
    private final Labels labels;
    private final MessageSource messages;
    private final Clock clock;
    private final DutyCards cards;

    MatrixController(
            Assessment assessment,
            Directory directory,
            Labels labels,
            MessageSource messages,
            Clock clock,
            DutyCards cards) {
        this.cards = cards;
        this.assessment = assessment;
        this.directory = directory;
        this.labels = labels;
        this.messages = messages;
        this.clock = clock;
    }

    record Scope(String bureau, int year, boolean includeDescendants, List<Directory.Bureau> bureaus) {}

    @GetMapping("/office/matrix")
    String matrix(
            Person person,
            @RequestParam(required = false) String bureau,
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "false") boolean includeDescendants,
            Model model) {
        var scope = scope(person, bureau, year, includeDescendants);
        model.addAttribute("scope", scope);
        model.addAttribute("matrix", build(scope));
        return "matrix";
    }

    @GetMapping("/office/matrix.xlsx")
    ResponseEntity<byte[]> export(
            Person person,
            @RequestParam(required = false) String bureau,
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "false") boolean includeDescendants) {
        var scope = scope(person, bureau, year, includeDescendants);
        var matrix = build(scope);
        return ResponseEntity.ok()
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        "履职矩阵-" + scope.bureau() + "-" + scope.year() + ".xlsx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(xlsx(matrix, scope));
    }

    /** A cell's obligation, in whichever bureau of the office's subtree it belongs to. */
    @GetMapping("/office/obligations/{id}")
    String obligation(
            Person person,
            @org.springframework.web.bind.annotation.PathVariable String id,
            @RequestParam(required = false) String bureau,
            Model model) {
        String of = bureau == null || bureau.isBlank() ? person.bureau() : bureau;
        model.addAttribute("duty", cards.card(of, assessment.obligation(of, id)));
        model.addAttribute("bureau", of);
        return "obligation";
    }

    private Scope scope(Person person, String bureau, Integer year, boolean includeDescendants) {
        var bureaus = directory.bureaus();
        String chosen = bureau == null || bureau.isBlank() ? person.bureau() : bureau;
        int shown = year == null
                ? LocalDate.now(clock.withZone(Labels.ZONE)).getYear()
                : Math.max(2000, Math.min(2999, year));
        return new Scope(chosen, shown, includeDescendants, bureaus);
    }

    private Matrix build(Scope scope) {
        var inScope = scope.includeDescendants()
                ? scope.bureaus().stream()
                        .filter(b -> b.path() != null && b.path().contains(scope.bureau()))
                        .map(Directory.Bureau::code)
                        .toList()
                : List.of(scope.bureau());
        var byBureau = new LinkedHashMap<String, List<Obligation>>();
        for (String b : inScope.isEmpty() ? List.of(scope.bureau()) : inScope) {
            byBureau.put(b, assessment.obligations(b, scope.year(), null));
        }
        Map<String, String> names = directory.firstSecretaryNames(scope.bureau(), scope.includeDescendants());
        return Matrix.of(
                byBureau, assessment.catalogue(scope.bureau()), names, LocalDate.now(clock.withZone(Labels.ZONE)));
    }

    private byte[] xlsx(Matrix matrix, Scope scope) {
        try (var workbook = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet(scope.year() + "年");
            var styles = new LinkedHashMap<String, org.apache.poi.ss.usermodel.CellStyle>();
            for (var colour : Map.of(
                            "green", IndexedColors.LIGHT_GREEN,
                            "amber", IndexedColors.LIGHT_YELLOW,
                            "red", IndexedColors.ROSE,
                            "grey", IndexedColors.GREY_25_PERCENT)
                    .entrySet()) {
                var style = workbook.createCellStyle();
                style.setFillForegroundColor(colour.getValue().getIndex());
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                styles.put(colour.getKey(), style);
            }
            var dutyNames = new LinkedHashMap<String, String>();
            matrix.duties().forEach(d -> dutyNames.put(d.code(), d.name()));
            var dutyRow = sheet.createRow(0);
            var periodRow = sheet.createRow(1);
            dutyRow.createCell(0).setCellValue(message("matrix.bureau"));
            dutyRow.createCell(1).setCellValue(message("matrix.secretary"));
            for (int i = 0; i < matrix.columns().size(); i++) {
                var column = matrix.columns().get(i);
                dutyRow.createCell(i + 2).setCellValue(dutyNames.getOrDefault(column.duty(), column.duty()));
                periodRow.createCell(i + 2).setCellValue(labels.shortPeriod(column.period()));
            }
            int r = 2;
            for (var row : matrix.rows()) {
                var line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.bureau());
                line.createCell(1).setCellValue(row.name());
                for (int i = 0; i < row.cells().size(); i++) {
                    var cell = row.cells().get(i);
                    if (cell.obligation() == null) {
                        continue;
                    }
                    var c = line.createCell(i + 2);
                    c.setCellValue(message("status." + cell.state()));
                    if (styles.containsKey(cell.colour())) {
                        c.setCellStyle(styles.get(cell.colour()));
                    }
                }
            }
            sheet.createFreezePane(2, 2);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
