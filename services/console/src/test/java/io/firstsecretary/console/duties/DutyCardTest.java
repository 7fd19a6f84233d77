package io.firstsecretary.console.duties;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstsecretary.console.api.Assessment.Obligation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DutyCardTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void anOpenDutyIsDueSoonWithinAFortnightAndOverdueTheDayAfterItsDueDay() {
        assertThat(DutyCard.stateOf(due("2026-12-21", "OPEN"), TODAY)).isEqualTo("OPEN");
        assertThat(DutyCard.stateOf(due("2026-12-20", "OPEN"), TODAY)).isEqualTo("DUE_SOON");
        assertThat(DutyCard.stateOf(due("2026-12-06", "OPEN"), TODAY)).isEqualTo("DUE_SOON");
        assertThat(DutyCard.stateOf(due("2026-12-05", "OPEN"), TODAY)).isEqualTo("OVERDUE");
    }

    @Test
    void aSettledDutyKeepsItsStatus() {
        for (String status : List.of("MET", "MET_LATE", "WAIVED", "OVERDUE")) {
            assertThat(DutyCard.stateOf(due("2026-12-20", status), TODAY)).isEqualTo(status);
        }
    }

    private static Obligation due(String dueOn, String status) {
        return new Obligation(
                "o",
                "PARTY_LECTURE",
                "2026-H2",
                "FIRST_SECRETARY",
                "fs1",
                "b1",
                LocalDate.parse(dueOn),
                status,
                List.of(),
                null,
                List.of(),
                List.of(),
                null);
    }
}
