package io.firstsecretary.assessment.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstsecretary.assessment.catalogue.DutyCatalogue;
import io.firstsecretary.assessment.facts.Assignment;
import io.firstsecretary.assessment.period.Cadence;
import io.firstsecretary.assessment.period.Period;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ObligationRulesPropertiesTest {

    static final DutyCatalogue CATALOGUE = DutyCatalogue.defaultCatalogue();

    record Term(LocalDate from, LocalDate to) {}

    @Provide
    Arbitrary<Term> terms() {
        var day = Arbitraries.integers()
                .between(0, 364)
                .map(n -> LocalDate.of(2026, 1, 1).plusDays(n));
        return Combinators.combine(day, day, Arbitraries.of(true, false))
                .as((a, b, open) -> a.isAfter(b) ? new Term(b, open ? null : a) : new Term(a, open ? null : b));
    }

    static List<Owed> owed(Term term) {
        var assignment = new Assignment("a", "b", List.of("b"), "wang", "王军", "zgnf", term.from(), term.to());
        return ObligationRules.owedBy(assignment, 2026, day -> Optional.of(CATALOGUE));
    }

    static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    @Property
    void aPeriodIsOwedExactlyWhenTheTermCoversAtLeastHalfOfIt(@ForAll("terms") Term term, @ForAll Cadence cadence) {
        var owed = owed(term);
        LocalDate end = term.to() == null ? LocalDate.of(2026, 12, 31) : term.to();
        for (Period period : Period.ofYear(cadence, 2026)) {
            LocalDate from = period.start().isAfter(term.from()) ? period.start() : term.from();
            LocalDate to = period.end().isBefore(end) ? period.end() : end;
            long covered = to.isBefore(from) ? 0 : days(from, to);
            boolean expected = covered * 2 >= days(period.start(), period.end());
            boolean isOwed = owed.stream().anyMatch(o -> o.period().equals(period) && !o.optional());
            boolean isOptional = owed.stream().anyMatch(o -> o.period().equals(period) && o.optional());
            boolean hasDuties = CATALOGUE.active().stream()
                    .anyMatch(d -> d.cadence() == cadence
                            && d.scope() == io.firstsecretary.assessment.catalogue.Duty.Scope.ASSIGNMENT);
            assertThat(isOwed).as(period + " covered " + covered).isEqualTo(expected && hasDuties);
            assertThat(isOptional).as(period + " covered " + covered).isEqualTo(!expected && covered > 0 && hasDuties);
        }
    }

    @Property
    void workCountsOnlyInsideBothThePeriodAndTheTermAndFallsDueNoEarlierThanItsWindowAllows(
            @ForAll("terms") Term term) {
        for (Owed o : owed(term)) {
            assertThat(o.windowStart()).isAfterOrEqualTo(o.period().start()).isAfterOrEqualTo(term.from());
            assertThat(o.windowEnd()).isBeforeOrEqualTo(o.period().end());
            if (term.to() != null) {
                assertThat(o.windowEnd()).isBeforeOrEqualTo(term.to());
                assertThat(o.dueOn())
                        .isBeforeOrEqualTo(term.to().plusDays(o.duty().graceDays()));
            }
            assertThat(o.dueOn()).isAfterOrEqualTo(o.windowStart());
        }
    }

    @Property
    void moreEvidenceNeverUnmeetsAnObligation(
            @ForAll("terms") Term term,
            @ForAll("activityDays") List<LocalDate> first,
            @ForAll("activityDays") List<LocalDate> more) {
        var some = new InMemoryKnowledge();
        var all = new InMemoryKnowledge();
        int n = 0;
        for (LocalDate day : first) {
            some.activity("x" + n, "FOUR_TRUE_RESEARCH", "wang", day, day.plusDays(n % 40));
            all.activity("x" + n, "FOUR_TRUE_RESEARCH", "wang", day, day.plusDays(n % 40));
            n++;
        }
        for (LocalDate day : more) {
            all.activity("x" + n, "FOUR_TRUE_RESEARCH", "wang", day, day.plusDays(n % 40));
            n++;
        }
        for (Owed o : owed(term)) {
            if (o.duty().code().equals("FOUR_TRUE_RESEARCH")) {
                var before = ObligationRules.assess(o, some);
                var after = ObligationRules.assess(o, all);
                if (before.met()) {
                    assertThat(after.met()).isTrue();
                    assertThat(after.completedOn()).isBeforeOrEqualTo(before.completedOn());
                }
                assertThat(after.evidence()).containsAll(before.evidence());
                assertThat(after.evidence())
                        .allSatisfy(id -> assertThat(all.activities.stream()
                                        .filter(a -> a.id().equals(id))
                                        .findFirst()
                                        .orElseThrow()
                                        .occurredOn())
                                .isBetween(o.windowStart(), o.windowEnd()));
            }
        }
    }

    @Provide
    Arbitrary<List<LocalDate>> activityDays() {
        return Arbitraries.integers()
                .between(0, 364)
                .map(n -> LocalDate.of(2026, 1, 1).plusDays(n))
                .list()
                .ofMaxSize(6);
    }
}
