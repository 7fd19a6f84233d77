package io.firstsecretary.assessment.report;

import io.firstsecretary.assessment.competition.Standing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The report as an XLSX workbook, one sheet per section, with Chinese headers. */
final class ReportWorkbook {

    private ReportWorkbook() {}

    static byte[] render(BureauMeetingReport r) {
        try (var workbook = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var s = r.summary();
            var summary = workbook.createSheet("总体情况");
            row(summary, 0, "单位", r.bureauName());
            row(summary, 1, "月份", r.month());
            row(summary, 2, "截至", r.asOf().toString());
            row(summary, 3, "第一书记人数", s.firstSecretaries());
            row(summary, 4, "本月到期职责", s.dueThisMonth());
            row(summary, 5, "本月完成", s.metThisMonth());
            row(summary, 6, "逾期未完成", s.overdue());
            row(summary, 7, "本季度履职率", s.quarterComplianceRate() == null ? "" : s.quarterComplianceRate());
            row(summary, 8, "本月党建活动", s.activitiesThisMonth());
            sheet(
                    workbook.createSheet("履职情况"),
                    List.of("第一书记", "编号", "支部", "本月完成", "本季完成", "本季应履", "逾期", "年度得分"),
                    r.firstSecretaries(),
                    l -> List.of(
                            l.name(),
                            l.assignee(),
                            l.branchName(),
                            String.join("、", l.metThisMonth()),
                            l.metThisQuarter(),
                            l.owedThisQuarter(),
                            l.overdue(),
                            l.yearScore()));
            sheet(
                    workbook.createSheet("滞后事项"),
                    List.of("第一书记", "支部", "职责", "期间", "截止日期", "状态"),
                    r.behind(),
                    b -> List.of(
                            b.name(),
                            b.branch(),
                            b.dutyName(),
                            b.period(),
                            b.dueOn().toString(),
                            b.status()));
            sheet(
                    workbook.createSheet("谈心谈话"),
                    List.of("第一书记", "支部", "应谈人数", "已谈人数", "覆盖率"),
                    r.talkCoverage(),
                    t -> List.of(t.name(), t.branch(), t.required(), t.covered(), t.share()));
            ranking(workbook.createSheet("月评排名"), r.monthRanking());
            ranking(workbook.createSheet("季考夺旗"), r.quarterRanking());
            sheet(
                    workbook.createSheet("工作亮点"),
                    List.of("日期", "支部", "记录人", "类型", "标题", "备注"),
                    r.highlights(),
                    h -> List.of(
                            h.occurredOn().toString(),
                            h.branch(),
                            h.actor(),
                            h.type(),
                            h.title() == null ? "" : h.title(),
                            h.note() == null ? "" : h.note()));
            if (r.remarks() != null) {
                sheet(
                        workbook.createSheet("工作说明"),
                        List.of("党建办工作说明"),
                        List.of(r.remarks().text().split("\\R+")),
                        paragraph -> List.of(paragraph));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ranking(Sheet sheet, List<Standing> standings) {
        sheet(
                sheet,
                List.of("名次", "第一书记", "编号", "支部", "竞赛小组", "得分", "夺旗", "否决原因"),
                standings,
                s -> List.of(
                        s.rank(),
                        s.name(),
                        s.assignee(),
                        s.branch(),
                        s.group(),
                        s.score(),
                        s.flag() ? "★" : "",
                        String.join("; ", s.vetoes())));
    }

    private static <T> void sheet(Sheet sheet, List<String> headers, List<T> rows, Function<T, List<Object>> cells) {
        row(sheet, 0, headers.toArray());
        for (int i = 0; i < rows.size(); i++) {
            row(sheet, i + 1, cells.apply(rows.get(i)).toArray());
        }
    }

    private static void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            var cell = row.createCell(i);
            if (values[i] instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(values[i] == null ? "" : values[i].toString());
            }
        }
    }
}
