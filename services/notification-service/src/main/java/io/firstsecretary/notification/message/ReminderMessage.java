package io.firstsecretary.notification.message;

import java.util.List;

/**
 * A reminder as its recipient reads it, in Chinese: a subject, the lines of its body, and a link to
 * the work; {@link #text()} and {@link #html()} render it for mail, the inbox and webhooks.
 *
 * @param to the recipient's name
 * @param lines the body's paragraphs, in order; for a digest, one per open item after the first
 */
public record ReminderMessage(String subject, String to, List<String> lines, String link) {

    public String text() {
        var text = new StringBuilder(to).append("同志：\n\n");
        lines.forEach(line -> text.append(line).append('\n'));
        return text.append("\n查看详情：")
                .append(link)
                .append("\n\n（第一书记工作平台自动发送，请勿直接回复）\n")
                .toString();
    }

    public String html() {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
                .append(escape(subject))
                .append("</title></head><body style=\"font-family:sans-serif\"><p>")
                .append(escape(to))
                .append("同志：</p>");
        lines.forEach(line -> html.append("<p>").append(escape(line)).append("</p>"));
        return html.append("<p><a href=\"")
                .append(escape(link))
                .append("\">查看详情</a></p><p style=\"color:#888\">第一书记工作平台自动发送，请勿直接回复。</p></body></html>")
                .toString();
    }

    private static String escape(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
