package io.firstsecretary.assessment.report;

import io.firstsecretary.assessment.competition.Standing;
import java.util.List;
import java.util.function.Function;
import org.springframework.web.util.HtmlUtils;

/** The report as a printable Chinese HTML page (A4, no scripts, no external resources). */
final class ReportHtml {

    private ReportHtml() {}

    static String render(BureauMeetingReport r) {
        var html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">")
                .append("<title>")
                .append(esc(r.bureauName()))
                .append(" 第一书记工作月度报告 ")
                .append(r.month())
                .append("</title><style>")
                .append(
                        "@page{size:A4;margin:18mm}body{font-family:'SimSun','Songti SC',serif;font-size:11pt;color:#000}")
                .append(
                        "h1{font-size:18pt;text-align:center}h2{font-size:13pt;border-bottom:1px solid #000;margin-top:1.4em}")
                .append(
                        "table{border-collapse:collapse;width:100%;margin:.4em 0}th,td{border:1px solid #555;padding:3px 5px;text-align:left}")
                .append("th{background:#eee}.flag{color:#b00;font-weight:bold}.meta{text-align:center;color:#444}")
                .append("</style></head><body>\n");
        html.append("<h1>")
                .append(esc(r.bureauName()))
                .append("第一书记工作情况专题汇报</h1>\n<p class=\"meta\">")
                .append(r.month())
                .append(" · 截至 ")
                .append(r.asOf())
                .append(r.filed() == null ? " · 未报送" : " · 已于 " + r.filed().filedAt() + " 报送")
                .append("</p>\n");
        var s = r.summary();
        html.append("<h2>一、总体情况</h2><p>全局共有第一书记 ")
                .append(s.firstSecretaries())
                .append(" 名。本月到期职责 ")
                .append(s.dueThisMonth())
                .append(" 项，本月完成 ")
                .append(s.metThisMonth())
                .append(" 项；截至目前逾期未完成 ")
                .append(s.overdue())
                .append(" 项；本季度履职率 ")
                .append(s.quarterComplianceRate() == null ? "—" : percent(s.quarterComplianceRate()))
                .append("；本月记录党建活动 ")
                .append(s.activitiesThisMonth())
                .append(" 次。</p>\n");
        html.append("<h2>二、履职情况</h2>");
        table(
                html,
                List.of("第一书记", "支部", "本月完成", "本季完成/应履", "逾期", "年度得分"),
                r.firstSecretaries(),
                l -> List.of(
                        l.name(),
                        l.branchName(),
                        l.metThisMonth().isEmpty() ? "—" : String.join("、", l.metThisMonth()),
                        l.metThisQuarter() + "/" + l.owedThisQuarter(),
                        Integer.toString(l.overdue()),
                        points(l.yearScore())));
        html.append("<h2>三、滞后事项</h2>");
        if (r.behind().isEmpty()) {
            html.append("<p>无滞后事项。</p>");
        } else {
            table(
                    html,
                    List.of("第一书记", "职责", "期间", "截止日期", "状态"),
                    r.behind(),
                    b -> List.of(
                            b.name(),
                            b.dutyName(),
                            b.period(),
                            b.dueOn().toString(),
                            b.status().equals("OVERDUE") ? "逾期" : "即将到期"));
        }
        html.append("<h2>四、谈心谈话覆盖</h2>");
        table(
                html,
                List.of("第一书记", "应谈人数", "已谈人数", "覆盖率"),
                r.talkCoverage(),
                t -> List.of(
                        t.name(), Integer.toString(t.required()), Integer.toString(t.covered()), percent(t.share())));
        html.append("<h2>五、劳动竞赛</h2><p>月评排名（").append(r.month()).append("）</p>");
        ranking(html, r.monthRanking());
        html.append("<p>季考夺旗（").append(r.quarter()).append("，截至目前）</p>");
        ranking(html, r.quarterRanking());
        html.append("<h2>六、工作亮点</h2>");
        if (r.highlights().isEmpty()) {
            html.append("<p>本月暂无。</p>");
        } else {
            html.append("<ul>");
            for (var h : r.highlights()) {
                html.append("<li>")
                        .append(h.occurredOn())
                        .append(" ")
                        .append(esc(h.branch()))
                        .append(" ")
                        .append(esc(h.actor()))
                        .append("：")
                        .append(esc(h.title()))
                        .append(h.note() == null ? "" : "（" + esc(h.note()) + "）")
                        .append("</li>");
            }
            html.append("</ul>");
        }
        if (r.remarks() != null) {
            html.append("<h2>七、党建办工作说明</h2>");
            for (String paragraph : r.remarks().text().split("\\R+")) {
                html.append("<p>").append(esc(paragraph)).append("</p>");
            }
        }
        html.append("\n<p class=\"meta\">本报告由第一书记工作平台根据履职记录自动生成，生成时间 ")
                .append(r.generatedAt())
                .append("</p></body></html>\n");
        return html.toString();
    }

    private static void ranking(StringBuilder html, List<Standing> standings) {
        table(
                html,
                List.of("名次", "第一书记", "支部", "得分", "夺旗"),
                standings,
                s -> List.of(
                        Integer.toString(s.rank()),
                        s.name(),
                        s.branch(),
                        points(s.score()),
                        s.flag() ? "★" : s.vetoes().isEmpty() ? "" : "一票否决"));
    }

    private static <T> void table(
            StringBuilder html, List<String> headers, List<T> rows, Function<T, List<String>> cells) {
        html.append("<table><thead><tr>");
        headers.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (T row : rows) {
            html.append("<tr>");
            cells.apply(row).forEach(c -> html.append("<td>").append(esc(c)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>\n");
    }

    static String percent(double share) {
        return Math.round(share * 1000) / 10.0 + "%";
    }

    static String points(double points) {
        return points == Math.rint(points) ? Long.toString((long) points) : Double.toString(points);
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
