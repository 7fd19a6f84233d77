package io.firstsecretary.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class LabelsTest {

    final Labels labels = new Labels(messages());

    @Test
    void datesAreWrittenAsPeopleWriteThem() {
        assertThat(labels.day(LocalDate.of(2026, 12, 6))).isEqualTo("2026年12月6日");
        assertThat(labels.day(LocalDate.of(2026, 3, 31))).isEqualTo("2026年3月31日");
        assertThat(labels.time(Instant.parse("2026-12-06T16:30:00Z"))).isEqualTo("2026年12月7日 00:30");
        assertThat(labels.day(null)).isEmpty();
    }

    @Test
    void everyKindOfPeriodHasItsChineseName() {
        assertThat(labels.period("2026")).isEqualTo("2026年度");
        assertThat(labels.period("2026-H1")).isEqualTo("2026年上半年");
        assertThat(labels.period("2026-H2")).isEqualTo("2026年下半年");
        assertThat(labels.period("2026-Q1")).isEqualTo("2026年第一季度");
        assertThat(labels.period("2026-Q4")).isEqualTo("2026年第四季度");
        assertThat(labels.period("2026-03")).isEqualTo("2026年3月");
        assertThat(labels.shortPeriod("2026")).isEqualTo("全年");
        assertThat(labels.shortPeriod("2026-Q2")).isEqualTo("二季度");
        assertThat(labels.shortPeriod("2026-11")).isEqualTo("11月");
    }

    @Test
    void peopleAreNamedAndUnknownIdsStay() {
        assertThat(labels.names(List.of("m1", "m9", "m2"), Map.of("m1", "张三", "m2", "李四")))
                .isEqualTo("张三、m9、李四");
        assertThat(labels.duty("PARTY_LECTURE")).isEqualTo("专题党课辅导");
        assertThat(labels.duty("CUSTOM_DUTY")).isEqualTo("CUSTOM_DUTY");
        assertThat(labels.type("TALK")).isEqualTo("谈心谈话");
    }

    static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
