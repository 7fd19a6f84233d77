package io.firstsecretary.console.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and periods as people write them (2026年12月6日, 2026年第一季度), for the templates as
 * {@code @labels}.
 */
@Component("labels")
public class Labels {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    public String day(LocalDate date) {
        if (date == null) {
            return "";
        }
        return date.format(DateTimeFormatter.ofPattern(message("date.format"), Locale.CHINA));
    }

    /** A day the API writes as text (2026-01-01), as people write it; the text itself if it is no day. */
    public String isoDay(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return day(LocalDate.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /** An instant as a Shanghai wall-clock time: 2026年12月6日 14:05. */
    public String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        return instant.atZone(ZONE).format(DateTimeFormatter.ofPattern(message("time.format"), Locale.CHINA));
    }

    /** People by name, in the order given: 张三、李四; an id the map lacks stays as it is. */
    public String names(List<String> ids, Map<String, String> names) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        return ids.stream().map(id -> names.getOrDefault(id, id)).collect(Collectors.joining("、"));
    }

    /** {@code 2026} → 2026年度, {@code 2026-H1} → 2026年上半年, {@code 2026-Q3} → 2026年第三季度, {@code 2026-03} → 2026年3月. */
    public String period(String period) {
        if (period == null) {
            return "";
        }
        if (period.matches("\\d{4}")) {
            return message("period.year", period);
        }
        String year = period.substring(0, 4);
        String rest = period.substring(5);
        if (rest.startsWith("H")) {
            return message("period.half." + rest.substring(1), year);
        }
        if (rest.startsWith("Q")) {
            return message("period.quarter." + rest.substring(1), year);
        }
        return message("period.month", year, Integer.parseInt(rest));
    }

    /** The part of a period after its year, for narrow columns: 一季度, 上半年, 3月, 全年. */
    public String shortPeriod(String period) {
        if (period == null || period.length() <= 4) {
            return "全年";
        }
        String rest = period.substring(5);
        return switch (rest) {
            case "H1" -> "上半年";
            case "H2" -> "下半年";
            case "Q1" -> "一季度";
            case "Q2" -> "二季度";
            case "Q3" -> "三季度";
            case "Q4" -> "四季度";
            default -> Integer.parseInt(rest) + "月";
        };
    }

    /** A duty or activity type by its Chinese name, or its code when the bundle has none. */
    public String duty(String code) {
        return messages.getMessage("duty." + code, null, code, LocaleContextHolder.getLocale());
    }

    public String type(String code) {
        return messages.getMessage("type." + code, null, code, LocaleContextHolder.getLocale());
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
