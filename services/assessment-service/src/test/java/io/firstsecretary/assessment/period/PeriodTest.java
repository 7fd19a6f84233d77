package io.firstsecretary.assessment.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PeriodTest {

    @Test
    void namesPeriodsTheWayTheBureauDoes() {
        var day = LocalDate.of(2026, 8, 3);
        assertThat(Period.containing(Cadence.YEAR, day)).hasToString("2026");
        assertThat(Period.containing(Cadence.HALF_YEAR, day)).hasToString("2026-H2");
        assertThat(Period.containing(Cadence.QUARTER, day)).hasToString("2026-Q3");
        assertThat(Period.containing(Cadence.MONTH, day)).hasToString("2026-08");
    }

    @Test
    void boundsAreCalendarDays() {
        assertThat(Period.parse("2026-Q1").start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(Period.parse("2026-Q1").end()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(Period.parse("2028-02").end()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(Period.parse("2026-H2").end()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(Period.parse("2026").end()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @ParameterizedTest
    @EnumSource(Cadence.class)
    void everyDayOfSeveralYearsBelongsToExactlyOnePeriodWhichParsesBack(Cadence cadence) {
        for (var day = LocalDate.of(2025, 1, 1); day.isBefore(LocalDate.of(2029, 1, 1)); day = day.plusDays(1)) {
            var period = Period.containing(cadence, day);
            assertThat(period.contains(day)).isTrue();
            assertThat(period.contains(period.start().minusDays(1))).isFalse();
            assertThat(period.contains(period.end().plusDays(1))).isFalse();
            assertThat(period.next().start()).isEqualTo(period.end().plusDays(1));
            assertThat(Period.parse(period.toString())).isEqualTo(period);
        }
    }

    @Test
    void overlappingPeriodsFollowATermThatStartsMidYear() {
        assertThat(Period.overlapping(Cadence.QUARTER, LocalDate.of(2026, 5, 20), LocalDate.of(2026, 12, 31)))
                .extracting(Period::toString)
                .containsExactly("2026-Q2", "2026-Q3", "2026-Q4");
        assertThat(Period.overlapping(Cadence.HALF_YEAR, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)))
                .extracting(Period::toString)
                .containsExactly("2026-H1");
        assertThat(Period.overlapping(Cadence.YEAR, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1)))
                .isEqualTo(List.of());
    }

    @Test
    void rejectsWhatIsNotAPeriod() {
        assertThatThrownBy(() -> Period.parse("2026-Q5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Period.parse("2026-13")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Period(2026, Cadence.HALF_YEAR, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
