package io.firstsecretary.assessment.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ListingTest {

    @Test
    void anEntryReadsBackAsTheListingItWasWrittenFrom() {
        var coverage = new Listing(
                LocalDate.of(2026, 12, 31),
                "MEMBER_TALK_COVERAGE",
                "wangjun",
                "zgnf",
                "2026",
                ObligationStatus.OPEN,
                "FIRST_SECRETARY",
                null,
                "o1",
                5,
                3);
        var met = new Listing(
                LocalDate.of(2026, 3, 31),
                "FOUR_TRUE_RESEARCH",
                null,
                null,
                "2026-Q1",
                ObligationStatus.MET,
                "BUREAU",
                LocalDate.of(2026, 3, 2),
                "o2",
                null,
                null);

        assertThat(Listing.parse(coverage.entry())).isEqualTo(coverage);
        assertThat(Listing.parse(met.entry())).isEqualTo(met);
    }

    @Test
    void anEntryWrittenBeforeTheCoverageCountsReadsWithoutThem() {
        var listing = Listing.parse("2026-12-31 MEMBER_TALK_COVERAGE wangjun zgnf 2026 OPEN FIRST_SECRETARY  o1");

        assertThat(listing.id()).isEqualTo("o1");
        assertThat(listing.required()).isNull();
        assertThat(listing.covered()).isNull();
    }

    @Test
    void entriesInStringOrderAreInDueDayOrder() {
        var early = new Listing(
                LocalDate.of(2026, 3, 31),
                "B",
                null,
                null,
                "2026-Q1",
                ObligationStatus.OPEN,
                "BUREAU",
                null,
                "z",
                null,
                null);
        var sameDayFirstDuty = new Listing(
                LocalDate.of(2026, 6, 30),
                "A",
                "wangjun",
                "zgnf",
                "2026-Q2",
                ObligationStatus.OPEN,
                "FIRST_SECRETARY",
                null,
                "y",
                4,
                0);
        var sameDayLaterDuty = new Listing(
                LocalDate.of(2026, 6, 30),
                "AB",
                null,
                null,
                "2026-Q2",
                ObligationStatus.OPEN,
                "BUREAU",
                null,
                "a",
                null,
                null);

        assertThat(java.util.stream.Stream.of(sameDayLaterDuty, sameDayFirstDuty, early)
                        .map(Listing::entry)
                        .sorted()
                        .map(Listing::parse))
                .containsExactly(early, sameDayFirstDuty, sameDayLaterDuty);
    }
}
