package io.firstsecretary.assessment.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstsecretary.assessment.catalogue.DutyCatalogue;
import io.firstsecretary.assessment.facts.Assignment;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObligationRulesTest {

    static final DutyCatalogue CATALOGUE = DutyCatalogue.defaultCatalogue();

    static Assignment term(LocalDate from, LocalDate to) {
        return new Assignment("a1", "b", List.of("js", "b"), "wang", "王军", "zgnf", from, to);
    }

    /** What the term owes for certain: periods it covers at least half of. */
    static List<Owed> owed(Assignment a, int year) {
        return all(a, year).stream().filter(o -> !o.optional()).toList();
    }

    static List<Owed> all(Assignment a, int year) {
        return ObligationRules.owedBy(
                a, year, day -> day.isBefore(CATALOGUE.effectiveFrom()) ? Optional.empty() : Optional.of(CATALOGUE));
    }

    static Owed one(List<Owed> owed, String duty, String period) {
        return owed.stream()
                .filter(o ->
                        o.duty().code().equals(duty) && o.period().toString().equals(period))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not owed: " + duty + " " + period));
    }

    @Test
    void aFullYearOwesEveryFirstSecretaryDutyAndTheBureausReviews() {
        var owed = owed(term(LocalDate.of(2026, 1, 1), null), 2026);

        // 4 quarterly duties × 4 quarters (incl. the bureau's review), 2 half-yearly × 2, 6 yearly
        assertThat(owed).hasSize(16 + 4 + 6);
        assertThat(owed)
                .filteredOn(o -> o.duty().code().equals("QUARTERLY_REVIEW"))
                .extracting(Owed::dueOn)
                .containsExactly(
                        LocalDate.of(2026, 4, 15),
                        LocalDate.of(2026, 7, 15),
                        LocalDate.of(2026, 10, 15),
                        LocalDate.of(2027, 1, 15));
        assertThat(one(owed, "ANNUAL_COMMITMENT", "2026").dueOn()).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void aTermCoveringLessThanHalfAPeriodOwesNothingForIt() {
        // 15 Feb - 31 Mar is 45 of Q1's 90 days: exactly half, owed; from 16 Feb it is 44 days: not owed
        assertThat(owed(term(LocalDate.of(2026, 2, 15), null), 2026))
                .extracting(o -> o.duty().code() + " " + o.period())
                .contains("GUIDANCE_OPINION 2026-Q1");
        assertThat(owed(term(LocalDate.of(2026, 2, 16), null), 2026))
                .extracting(o -> o.duty().code() + " " + o.period())
                .doesNotContain("GUIDANCE_OPINION 2026-Q1")
                .contains("GUIDANCE_OPINION 2026-Q2", "PARTY_LECTURE 2026-H1");
    }

    @Test
    void aPeriodCoveredTooLittleIsOwedOnlyIfTheWorkWasDoneAllTheSame() {
        var term = term(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 8, 20));
        var h2 = all(term, 2026).stream()
                .filter(o -> o.duty().code().equals("PARTY_LECTURE")
                        && o.period().toString().equals("2026-H2"))
                .findFirst()
                .orElseThrow();
        assertThat(h2.optional()).isTrue();
        assertThat(h2.windowEnd()).isEqualTo(LocalDate.of(2026, 8, 20));
        var lecture = new InMemoryKnowledge();
        lecture.activity("l1", "PARTY_LECTURE", "wang", LocalDate.of(2026, 7, 9), LocalDate.of(2026, 7, 9));
        assertThat(ObligationRules.assess(h2, lecture).met()).isTrue();
        assertThat(ObligationRules.assess(h2, new InMemoryKnowledge()).met()).isFalse();
    }

    @Test
    void aTermEndingEarlyOwesItsDutiesByItsLastDay() {
        var owed = owed(term(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 8, 20)), 2026);

        var q3 = one(owed, "FOUR_TRUE_RESEARCH", "2026-Q3"); // 51 of 92 days
        assertThat(q3.windowEnd()).isEqualTo(LocalDate.of(2026, 8, 20));
        assertThat(q3.dueOn()).isEqualTo(LocalDate.of(2026, 8, 20));
        assertThat(one(owed, "YEAR_END_REPORT", "2026").dueOn()).isEqualTo(LocalDate.of(2026, 8, 20));
        assertThat(one(owed, "QUARTERLY_REVIEW", "2026-Q3").dueOn()).isEqualTo(LocalDate.of(2026, 9, 4));
        assertThat(owed).noneMatch(o -> o.period().toString().equals("2026-Q4"));
        assertThat(owed).noneMatch(o -> o.period().toString().equals("2026-H2"));
    }

    @Test
    void aCommitmentOwedByATermStartingAfterMarchIsDueAsLongAfterTheStart() {
        var owed = owed(term(LocalDate.of(2026, 4, 1), null), 2026);

        assertThat(one(owed, "ANNUAL_COMMITMENT", "2026").dueOn()).isEqualTo(LocalDate.of(2026, 6, 29));
    }

    @Test
    void nothingIsOwedBeforeTheFirstCatalogueTakesEffect() {
        assertThat(owed(term(LocalDate.of(2024, 1, 1), null), 2025)).isEmpty();
    }

    @Test
    void workKnownAfterTheDueDayMeetsTheDutyLate() {
        var owed = one(owed(term(LocalDate.of(2026, 1, 1), null), 2026), "FOUR_TRUE_RESEARCH", "2026-Q1");
        var onTime = new InMemoryKnowledge()
                .activity("r1", "FOUR_TRUE_RESEARCH", "wang", LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 31));
        var late = new InMemoryKnowledge()
                .activity("r1", "FOUR_TRUE_RESEARCH", "wang", LocalDate.of(2026, 3, 20), LocalDate.of(2026, 4, 1));
        var someoneElse = new InMemoryKnowledge()
                .activity("r1", "FOUR_TRUE_RESEARCH", "zhou", LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 20));

        assertThat(ObligationRules.assess(owed, onTime).statusOn(LocalDate.of(2026, 5, 1)))
                .isEqualTo(ObligationStatus.MET);
        assertThat(ObligationRules.assess(owed, late).statusOn(LocalDate.of(2026, 5, 1)))
                .isEqualTo(ObligationStatus.MET_LATE);
        assertThat(ObligationRules.assess(owed, someoneElse).statusOn(LocalDate.of(2026, 3, 31)))
                .isEqualTo(ObligationStatus.OPEN);
        assertThat(ObligationRules.assess(owed, someoneElse).statusOn(LocalDate.of(2026, 4, 1)))
                .isEqualTo(ObligationStatus.OVERDUE);
    }

    @Test
    void keyPersonTalksNeedATalkWithEachKeyPerson() {
        var owed = one(owed(term(LocalDate.of(2026, 1, 1), null), 2026), "KEY_PERSON_TALKS", "2026-H1");
        var knowledge = new InMemoryKnowledge()
                .member("li", "BRANCH_SECRETARY")
                .member("chen", "BRANCH_COMMITTEE")
                .member("zhao", "GROUP_LEADER")
                .member("sun")
                .activity("t1", "TALK", "wang", LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 3), "li", "sun")
                .activity("t2", "TALK", "wang", LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3), "chen");

        var partly = ObligationRules.assess(owed, knowledge);
        assertThat(partly.met()).isFalse();
        assertThat(partly.required()).containsExactly("chen", "li", "zhao");
        assertThat(partly.missing()).containsExactly("zhao");

        knowledge.activity("t3", "TALK", "wang", LocalDate.of(2026, 5, 6), LocalDate.of(2026, 5, 7), "zhao");
        var met = ObligationRules.assess(owed, knowledge);
        assertThat(met.met()).isTrue();
        assertThat(met.completedOn()).isEqualTo(LocalDate.of(2026, 5, 7));
        assertThat(met.evidence()).containsExactly("t1", "t2", "t3");

        // talking again with someone already covered is no new evidence
        knowledge.activity("t4", "TALK", "wang", LocalDate.of(2026, 5, 8), LocalDate.of(2026, 5, 8), "li", "chen");
        assertThat(ObligationRules.assess(owed, knowledge)).isEqualTo(met);
    }

    @Test
    void memberTalkCoverageIsMetOnlyAtEveryMemberAndCountsTheShare() {
        var owed = one(owed(term(LocalDate.of(2026, 1, 1), null), 2026), "MEMBER_TALK_COVERAGE", "2026");
        var knowledge = new InMemoryKnowledge()
                .member("wang") // the first secretary, if a member of the branch, is not talked with
                .member("li", "BRANCH_SECRETARY")
                .member("sun")
                .member("qian")
                .member("zhou")
                .activity("t1", "TALK", "wang", LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 3), "li", "sun")
                .activity("t2", "TALK", "li", LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3), "qian");

        var partly = ObligationRules.assess(owed, knowledge);
        assertThat(partly.met()).isFalse();
        assertThat(partly.coverage()).isEqualTo(0.5);
        assertThat(partly.missing()).containsExactly("qian", "zhou");

        knowledge.activity("t3", "TALK", "wang", LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 3), "qian", "zhou");
        assertThat(ObligationRules.assess(owed, knowledge).met()).isTrue();
        assertThat(ObligationRules.assess(owed, knowledge).coverage()).isEqualTo(1.0);
    }

    @Test
    void aLectureCountsForItsLecturerAndAMeetingForItsAttendees() {
        var all = owed(term(LocalDate.of(2026, 1, 1), null), 2026);
        var knowledge = new InMemoryKnowledge();
        knowledge.activities.add(new io.firstsecretary.assessment.facts.RecordedActivity(
                "l1",
                "b",
                "PARTY_LECTURE",
                "zgnf",
                "li",
                LocalDate.of(2026, 4, 2),
                InMemoryKnowledge.at(LocalDate.of(2026, 4, 2)),
                "党课",
                List.of(),
                "wang",
                List.of(),
                null,
                List.of(),
                List.of(),
                0,
                false));
        knowledge.activities.add(new io.firstsecretary.assessment.facts.RecordedActivity(
                "m1",
                "b",
                "ORG_LIFE_MEETING",
                "zgnf",
                "li",
                LocalDate.of(2026, 6, 2),
                InMemoryKnowledge.at(LocalDate.of(2026, 6, 2)),
                "组织生活会",
                List.of(),
                null,
                List.of("wang", "sun"),
                null,
                List.of(),
                List.of(),
                0,
                false));

        assertThat(ObligationRules.assess(one(all, "PARTY_LECTURE", "2026-H1"), knowledge)
                        .evidence())
                .containsExactly("l1");
        assertThat(ObligationRules.assess(one(all, "ORG_LIFE_MEETING", "2026"), knowledge)
                        .evidence())
                .containsExactly("m1");
        assertThat(ObligationRules.assess(one(all, "REPORT_HEARING", "2026-Q2"), knowledge)
                        .met())
                .isFalse();
    }
}
