package io.firstsecretary.console.office;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstsecretary.console.api.Assessment.Catalogue;
import io.firstsecretary.console.api.Assessment.Duty;
import io.firstsecretary.console.api.Assessment.Obligation;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatrixTest {

    static final LocalDate TODAY = LocalDate.of(2026, 8, 3);

    @Test
    void dutiesFollowTheCatalogueAndEachPeriodIsAColumn() {
        var catalogue = new Catalogue(
                "2026.1",
                false,
                List.of(
                        new Duty(
                                "GUIDANCE_OPINION",
                                "指导意见",
                                "ASSIGNMENT",
                                "FIRST_SECRETARY",
                                "QUARTER",
                                "ACTIVITIES",
                                List.of()),
                        new Duty(
                                "PARTY_LECTURE",
                                "专题党课辅导",
                                "ASSIGNMENT",
                                "FIRST_SECRETARY",
                                "HALF_YEAR",
                                "ACTIVITIES",
                                List.of())));
        var byBureau = new LinkedHashMap<String, List<Obligation>>();
        byBureau.put(
                "nt",
                List.of(
                        owed("PARTY_LECTURE", "2026-H2", "fs1", "2026-12-31", "OPEN"),
                        owed("GUIDANCE_OPINION", "2026-Q2", "fs1", "2026-06-30", "OPEN"),
                        owed("GUIDANCE_OPINION", "2026-Q1", "fs1", "2026-03-31", "MET"),
                        owed("PARTY_LECTURE", "2026-H1", "fs2", "2026-06-30", "MET_LATE"),
                        owed("BUREAU_MEETING_REPORT", "2026-07", null, "2026-08-10", "OPEN")));

        var matrix = Matrix.of(byBureau, catalogue, Map.of("fs1", "王军", "fs2", "周八"), TODAY);

        assertThat(matrix.duties())
                .extracting(Matrix.DutyHeader::code)
                .containsExactly("GUIDANCE_OPINION", "PARTY_LECTURE");
        assertThat(matrix.columns())
                .extracting(Matrix.Column::period)
                .containsExactly("2026-Q1", "2026-Q2", "2026-H1", "2026-H2");
        assertThat(matrix.rows()).extracting(Matrix.Row::name).containsExactly("周八", "王军");
        var wang = matrix.rows().get(1);
        assertThat(wang.cells()).extracting(Matrix.Cell::colour).containsExactly("green", "red", "blank", "none");
        assertThat(matrix.rows().get(0).cells().get(2).colour()).isEqualTo("amber");
    }

    private static Obligation owed(String duty, String period, String assignee, String due, String status) {
        return new Obligation(
                duty + period + assignee,
                duty,
                period,
                assignee == null ? "BUREAU" : "FIRST_SECRETARY",
                assignee,
                "b1",
                LocalDate.parse(due),
                status,
                List.of(),
                null,
                List.of(),
                List.of(),
                null);
    }
}
