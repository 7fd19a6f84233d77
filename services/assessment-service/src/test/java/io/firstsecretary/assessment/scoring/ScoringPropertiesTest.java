package io.firstsecretary.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstsecretary.assessment.obligation.ObligationStatus;
import io.firstsecretary.assessment.obligation.ObligationView;
import io.firstsecretary.assessment.period.Cadence;
import io.firstsecretary.assessment.period.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ScoringPropertiesTest {

    static final ScoringPolicy POLICY = ScoringPolicy.defaultPolicy();

    @Provide
    Arbitrary<List<ObligationView>> years() {
        var duty = Arbitraries.of(
                "GUIDANCE_OPINION", "REPORT_HEARING", "FOUR_TRUE_RESEARCH", "PARTY_LECTURE", "YEAR_END_REPORT");
        var status = Arbitraries.of(ObligationStatus.class);
        var day = Arbitraries.integers()
                .between(0, 364)
                .map(n -> LocalDate.of(2026, 1, 1).plusDays(n));
        return Combinators.combine(duty, status, day)
                .as((d, s, on) -> new ObligationView(
                        d + on,
                        d,
                        Period.containing(Cadence.QUARTER, on).toString(),
                        "FIRST_SECRETARY",
                        "wang",
                        "zgnf",
                        on,
                        s,
                        List.of("a" + on),
                        s.met() ? on : null,
                        List.of(),
                        List.of(),
                        null))
                .list()
                .ofMaxSize(30);
    }

    static Scorecard score(List<ObligationView> obligations) {
        return Scoring.score(
                new Scoring.Inputs(
                        "wang",
                        "王军",
                        "b",
                        "zgnf",
                        2026,
                        obligations.stream().map(Scoring.Fulfilment::of).toList(),
                        List.of(),
                        Optional.empty(),
                        List.of()),
                day -> POLICY);
    }

    @Property
    void theTotalIsTheSumOfTheLinesAndTheMonthsAddUpToIt(@ForAll("years") List<ObligationView> obligations) {
        var card = score(obligations);
        double sum =
                card.breakdown().stream().mapToDouble(Scorecard.Line::points).sum();
        assertThat(card.total()).isCloseTo(sum, org.assertj.core.data.Offset.offset(0.001));
        double months = 0;
        for (Period month : Period.ofYear(Cadence.MONTH, 2026)) {
            months += card.pointsBetween(month.start(), month.end());
        }
        assertThat(months).isCloseTo(card.total(), org.assertj.core.data.Offset.offset(0.001));
        assertThat(card.breakdown()).allSatisfy(l -> {
            assertThat(l.points()).isNotNegative();
            assertThat(l.evidence()).isNotEmpty();
        });
    }

    @Property
    void meetingAnotherObligationNeverLowersTheScoreAndLateNeverBeatsOnTime(
            @ForAll("years") List<ObligationView> obligations) {
        var base = score(obligations).total();
        for (int i = 0; i < obligations.size(); i++) {
            var o = obligations.get(i);
            if (o.status().met()) {
                continue;
            }
            var late = new ArrayList<>(obligations);
            late.set(i, with(o, ObligationStatus.MET_LATE));
            var onTime = new ArrayList<>(obligations);
            onTime.set(i, with(o, ObligationStatus.MET));
            assertThat(score(late).total()).isGreaterThanOrEqualTo(base);
            assertThat(score(onTime).total()).isGreaterThanOrEqualTo(score(late).total());
        }
    }

    static ObligationView with(ObligationView o, ObligationStatus status) {
        return new ObligationView(
                o.id(),
                o.duty(),
                o.period(),
                o.owedBy(),
                o.assignee(),
                o.branch(),
                o.dueOn(),
                status,
                o.evidence(),
                o.dueOn(),
                o.required(),
                o.missing(),
                o.waiver());
    }
}
