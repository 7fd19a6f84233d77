package io.firstsecretary.assessment.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PeriodPropertiesTest {

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers()
                .between(0, 365 * 30)
                .map(n -> LocalDate.of(2000, 1, 1).plusDays(n));
    }

    @Property
    void thePeriodContainingADayContainsIt(@ForAll("days") LocalDate day, @ForAll Cadence cadence) {
        var period = Period.containing(cadence, day);
        assertThat(period.contains(day)).isTrue();
        assertThat(period.year()).isEqualTo(day.getYear());
    }

    @Property
    void aYearsPeriodsTileItWithoutGapOrOverlap(@ForAll("days") LocalDate day, @ForAll Cadence cadence) {
        var periods = Period.ofYear(cadence, day.getYear());
        assertThat(periods.get(0).start()).isEqualTo(LocalDate.of(day.getYear(), 1, 1));
        assertThat(periods.get(periods.size() - 1).end()).isEqualTo(LocalDate.of(day.getYear(), 12, 31));
        for (int i = 1; i < periods.size(); i++) {
            assertThat(periods.get(i).start())
                    .isEqualTo(periods.get(i - 1).end().plusDays(1));
            assertThat(periods.get(i - 1).next()).isEqualTo(periods.get(i));
        }
        assertThat(periods).filteredOn(p -> p.contains(day)).hasSize(1);
    }

    @Property
    void aPeriodReadsBackFromItsName(@ForAll("days") LocalDate day, @ForAll Cadence cadence) {
        var period = Period.containing(cadence, day);
        assertThat(Period.parse(period.toString())).isEqualTo(period);
    }

    @Property
    void overlappingPeriodsAreExactlyThoseSharingADay(
            @ForAll("days") LocalDate from, @ForAll("days") LocalDate to, @ForAll Cadence cadence) {
        var overlapping = Period.overlapping(cadence, from, to);
        for (var period : overlapping) {
            assertThat(period.start()).isBeforeOrEqualTo(to);
            assertThat(period.end()).isAfterOrEqualTo(from);
        }
        if (!to.isBefore(from)) {
            assertThat(overlapping.get(0).contains(from)).isTrue();
            assertThat(overlapping.get(overlapping.size() - 1).contains(to)).isTrue();
        } else {
            assertThat(overlapping).isEmpty();
        }
    }
}
