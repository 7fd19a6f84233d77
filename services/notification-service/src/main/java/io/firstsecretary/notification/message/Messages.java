package io.firstsecretary.notification.message;

import io.firstsecretary.notification.directory.Directory;
import io.firstsecretary.notification.directory.Person;
import io.firstsecretary.notification.reminder.KnownObligation;
import io.firstsecretary.notification.reminder.Reminder;
import io.firstsecretary.notification.reminder.ReminderBook;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes each kind of reminder in Chinese: what is due, by when, for which branch, with a link to
 * it. Duty names come from {@code messages.properties}; a duty it does not know shows its code.
 */
@Component
public class Messages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final String PREFIX = "【第一书记工作提醒】";

    private final MessageSource names;
    private final Directory directory;
    private final ReminderBook book;
    private final String linkBase;

    Messages(
            MessageSource names,
            Directory directory,
            ReminderBook book,
            @Value("${firstsec.notification.link-base:http://127.0.0.1:8080}") String linkBase) {
        this.names = names;
        this.directory = directory;
        this.book = book;
        this.linkBase = linkBase;
    }

    public ReminderMessage compose(Reminder r) {
        String to =
                directory.person(r.bureau(), r.recipient()).map(Person::name).orElse(r.recipient());
        String duty = dutyName(r.duty());
        String branch = directory.branchName(r.bureau(), r.branch());
        String work = "「" + duty + "」" + (r.period() == null ? "" : "（" + r.period() + "）");
        // links open the console's page of the duty or the record, where the person is asked to log in
        String page = linkBase;
        switch (r.stage()) {
            case DUE_SOON:
                return new ReminderMessage(
                        PREFIX + duty + "将于" + day(r.dueOn()) + "到期",
                        to,
                        List.of(
                                "您作为" + branch + "的第一书记，" + work + "须于" + day(r.dueOn()) + "前完成，目前尚未完成。",
                                "请按时开展，并在平台登记工作记录。"),
                        page + "/obligations/" + r.obligation());
            case OVERDUE:
                return new ReminderMessage(
                        PREFIX + duty + "已逾期",
                        to,
                        List.of(
                                "您作为" + branch + "的第一书记，" + work + "应于" + day(r.dueOn()) + "前完成，现已逾期。",
                                "请尽快完成并在平台登记；逾期完成按规定计分。"),
                        page + "/obligations/" + r.obligation());
            case ESCALATION:
                return new ReminderMessage(
                        PREFIX + "逾期督办：" + (branch == null ? "" : branch) + duty,
                        to,
                        List.of(
                                (branch == null ? "本局" : branch) + "的" + work + "应于" + day(r.dueOn()) + "前完成，现已逾期"
                                        + assigneeOf(r) + "。",
                                "请督促落实。"),
                        page + "/obligations/" + r.obligation());
            case FOLLOW_UP:
                return followUp(r, to, branch, page);
            default:
                return digest(r, to, page);
        }
    }

    private ReminderMessage followUp(Reminder r, String to, String branch, String page) {
        boolean guidance = "GUIDANCE_OPINION".equals(r.duty());
        return new ReminderMessage(
                PREFIX + (guidance ? "请反馈指导意见落实情况" : "督导检查问题整改将于" + day(r.dueOn()) + "到期"),
                to,
                guidance
                        ? List.of("第一书记对" + branch + "党建工作提出了指导意见。", "请于" + day(r.dueOn()) + "前向第一书记点对点反馈落实情况。")
                        : List.of("督导检查中对" + branch + "发现的问题，须于" + day(r.dueOn()) + "前整改完毕。", "请抓紧落实整改，并向第一书记报告整改情况。"),
                page + "/activities/" + r.activity());
    }

    private ReminderMessage digest(Reminder r, String to, String page) {
        List<KnownObligation> open = book.openOf(r.bureau(), r.recipient());
        var lines = new ArrayList<String>();
        lines.add("您本周共有" + open.size() + "项第一书记工作尚未完成：");
        for (var o : open) {
            lines.add("· " + dutyName(o.duty()) + "（" + o.period() + "），" + directory.branchName(r.bureau(), o.branch())
                    + "，" + (o.dueOn().isBefore(book.today()) ? "已于" + day(o.dueOn()) + "逾期" : "截止" + day(o.dueOn())));
        }
        return new ReminderMessage(PREFIX + "本周待办" + open.size() + "项", to, lines, page + "/duties");
    }

    private String assigneeOf(Reminder r) {
        return book.known(r.obligation())
                .flatMap(o -> directory.person(r.bureau(), o.assignee()))
                .map(p -> "（第一书记：" + p.name() + "）")
                .orElse("");
    }

    public String dutyName(String code) {
        return code == null ? "" : names.getMessage("duty." + code, null, code, Locale.SIMPLIFIED_CHINESE);
    }

    private static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }
}
