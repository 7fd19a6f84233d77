package io.firstsecretary.activity.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstsecretary.contracts.activity.ActivityLogged.CommitmentItem;
import io.firstsecretary.contracts.activity.ActivityLogged.Enterprise;
import io.firstsecretary.contracts.activity.ActivityLogged.ItemOutcome;
import io.firstsecretary.kit.web.FieldError;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActivityRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 8, 3);
    static final LocalDate DAY = LocalDate.of(2026, 7, 15);

    /** Branch zgnf on the day: first secretary fs, members a, b, c; x exists elsewhere in the bureau. */
    static final ActivityRules.Branch ZGNF = new ActivityRules.Branch() {
        @Override
        public boolean existed() {
            return true;
        }

        @Override
        public boolean belongs(String member) {
            return Set.of("fs", "a", "b", "c").contains(member);
        }

        @Override
        public Optional<String> firstSecretary() {
            return Optional.of("fs");
        }

        @Override
        public boolean known(String member) {
            return Set.of("fs", "a", "b", "c", "x").contains(member);
        }

        @Override
        public Set<String> commitmentItems(String actor, int year) {
            return actor.equals("fs") && year == 2026 ? Set.of("c1", "c2") : Set.of();
        }
    };

    @Test
    void firstSecretaryDutiesAreTheFirstSecretarysAlone() {
        for (ActivityType type : ActivityRules.BY_FIRST_SECRETARY) {
            assertThat(fields(with(valid(type), "a", null))).as("%s", type).contains("/actor");
            assertThat(fields(valid(type))).as("%s", type).isEmpty();
        }
    }

    @Test
    void everyTypeHasAValidExampleAndItsRequiredFields() {
        for (ActivityType type : ActivityType.values()) {
            assertThat(fields(valid(type))).as("%s", type).isEmpty();
        }
        assertThat(fields(with(valid(ActivityType.TALK), "a", null))).containsExactly("/participants");
        assertThat(fields(new Request(ActivityType.PARTY_LECTURE, "a").build())).containsExactly("/audience");
        assertThat(fields(new Request(ActivityType.EXPERIENCE_SUMMARY, "fs").build()))
                .containsExactly("/promotionLevel");
        assertThat(fields(new Request(ActivityType.ANNUAL_COMMITMENT, "fs").build()))
                .containsExactly("/commitmentItems");
        assertThat(fields(new Request(ActivityType.YEAR_END_REPORT, "fs").build()))
                .containsExactly("/itemOutcomes");
        assertThat(fields(new Request(ActivityType.SERVICE_VISIT, "a").build())).containsExactly("/enterprises");
        for (ActivityType meeting : ActivityRules.MEETINGS) {
            assertThat(fields(new Request(meeting, "a").build()))
                    .as("%s", meeting)
                    .containsExactly("/attendees");
        }
    }

    @Test
    void peopleMustHaveBelongedToTheBranchThatDay() {
        var talk = new Request(ActivityType.TALK, "x");
        talk.participants = List.of("a", "x", "ghost");
        assertThat(fields(talk.build())).containsExactly("/actor", "/participants/1", "/participants/2");
        var meeting = new Request(ActivityType.BRANCH_GENERAL_MEETING, "a");
        meeting.attendees = List.of("a", "fs");
        meeting.absentees = List.of("b", "fs");
        assertThat(fields(meeting.build())).containsExactly("/absentees/1");
    }

    @Test
    void fieldsOfAnotherTypeAreRefused() {
        var talk = new Request(ActivityType.TALK, "a");
        talk.participants = List.of("b");
        talk.findings = List.of("x");
        talk.level = PromotionLevel.BRANCH;
        assertThat(fields(talk.build())).containsExactly("/findings", "/promotionLevel");
    }

    @Test
    void anInspectionWithFindingsNeedsAFutureDeadline() {
        var inspection = new Request(ActivityType.SUPERVISION_INSPECTION, "fs");
        inspection.findings = List.of("三会一课记录不全");
        assertThat(fields(inspection.build())).containsExactly("/rectificationDeadline");
        inspection.deadline = DAY.minusDays(1);
        assertThat(fields(inspection.build())).containsExactly("/rectificationDeadline");
        inspection.deadline = DAY.plusMonths(1);
        assertThat(fields(inspection.build())).isEmpty();
    }

    @Test
    void commitmentsHaveUniqueItemsAndTheReportAnswersThem() {
        var commitment = new Request(ActivityType.ANNUAL_COMMITMENT, "fs");
        commitment.items = List.of(
                new CommitmentItem("c1", "x"), new CommitmentItem("c1", ""), new CommitmentItem("bad code", "y"));
        assertThat(fields(commitment.build()))
                .containsExactly("/commitmentItems/1/code", "/commitmentItems/1/text", "/commitmentItems/2/code");
        var report = new Request(ActivityType.YEAR_END_REPORT, "fs");
        report.outcomes = List.of(new ItemOutcome("c1", "ACHIEVED", null), new ItemOutcome("c9", "MAYBE", null));
        assertThat(fields(report.build())).containsExactly("/itemOutcomes/1/item", "/itemOutcomes/1/outcome");
    }

    @Test
    void nothingIsRecordedBeforeItHappensOrInABranchThatDidNotExist() {
        var tomorrow = new Request(ActivityType.TALK, "a");
        tomorrow.day = TODAY.plusDays(1);
        tomorrow.participants = List.of("b");
        assertThat(fields(tomorrow.build())).containsExactly("/occurredOn");
        var gone = new ActivityRules.Branch() {
            @Override
            public boolean existed() {
                return false;
            }

            @Override
            public boolean belongs(String member) {
                return false;
            }

            @Override
            public Optional<String> firstSecretary() {
                return Optional.empty();
            }

            @Override
            public boolean known(String member) {
                return true;
            }

            @Override
            public Set<String> commitmentItems(String actor, int year) {
                return Set.of();
            }
        };
        assertThat(ActivityRules.check(valid(ActivityType.TALK), TODAY, gone))
                .extracting(FieldError::pointer)
                .containsExactly("/branch");
    }

    private static List<String> fields(LogActivity request) {
        return ActivityRules.check(request, TODAY, ZGNF).stream()
                .map(FieldError::pointer)
                .toList();
    }

    private static LogActivity valid(ActivityType type) {
        var r = new Request(type, ActivityRules.BY_FIRST_SECRETARY.contains(type) ? "fs" : "a");
        switch (type) {
            case TALK -> r.participants = List.of("b");
            case PARTY_LECTURE -> r.audience = List.of("b", "c");
            case EXPERIENCE_SUMMARY -> r.level = PromotionLevel.MUNICIPAL;
            case ANNUAL_COMMITMENT -> r.items = List.of(new CommitmentItem("c1", "每季度开展一次四真调研"));
            case YEAR_END_REPORT -> r.outcomes = List.of(new ItemOutcome("c1", "ACHIEVED", "全年完成4次"));
            case SERVICE_VISIT -> r.enterprises = List.of(new Enterprise("南通某纺织有限公司", null));
            default -> {
                if (ActivityRules.MEETINGS.contains(type)) {
                    r.attendees = List.of("a", "fs");
                }
            }
        }
        return r.build();
    }

    /** A request under construction. */
    private static final class Request {
        final ActivityType type;
        String actor;
        LocalDate day = DAY;
        List<String> participants;
        List<String> audience;
        List<String> attendees;
        List<String> absentees;
        List<String> findings;
        LocalDate deadline;
        PromotionLevel level;
        List<CommitmentItem> items;
        List<ItemOutcome> outcomes;
        List<Enterprise> enterprises;

        Request(ActivityType type, String actor) {
            this.type = type;
            this.actor = actor;
        }

        LogActivity build() {
            return new LogActivity(
                    type,
                    "zgnf",
                    actor,
                    day,
                    "记录",
                    participants,
                    null,
                    null,
                    null,
                    audience,
                    attendees,
                    absentees,
                    findings,
                    deadline,
                    level,
                    items,
                    outcomes,
                    enterprises,
                    null);
        }
    }

    private static LogActivity with(LogActivity a, String actor, List<String> participants) {
        return new LogActivity(
                a.type(),
                a.branch(),
                actor,
                a.occurredOn(),
                a.title(),
                participants,
                a.notes(),
                a.recordedBy(),
                a.lecturer(),
                a.audience(),
                a.attendees(),
                a.absentees(),
                a.findings(),
                a.rectificationDeadline(),
                a.promotionLevel(),
                a.commitmentItems(),
                a.itemOutcomes(),
                a.enterprises(),
                a.attachments());
    }
}
