package io.firstsecretary.activity.activity;

import io.firstsecretary.kit.web.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What each type of activity must say, and who may appear in it, as of the day it happened. Every
 * broken rule is reported with the field it concerns.
 */
final class ActivityRules {

    /** Duties only the branch's first secretary performs (the “六个一”, “四真”调研, 承诺 and 述职). */
    static final Set<ActivityType> BY_FIRST_SECRETARY = EnumSet.of(
            ActivityType.GUIDANCE_OPINION,
            ActivityType.REPORT_HEARING,
            ActivityType.SUPERVISION_INSPECTION,
            ActivityType.EXPERIENCE_SUMMARY,
            ActivityType.FOUR_TRUE_RESEARCH,
            ActivityType.ANNUAL_COMMITMENT,
            ActivityType.YEAR_END_REPORT);

    static final Set<ActivityType> MEETINGS = EnumSet.of(
            ActivityType.BRANCH_GENERAL_MEETING,
            ActivityType.BRANCH_COMMITTEE_MEETING,
            ActivityType.PARTY_GROUP_MEETING,
            ActivityType.THEMED_PARTY_DAY,
            ActivityType.ORG_LIFE_MEETING);

    /** What the rules need to know of the directory as of the activity's day. */
    interface Branch {

        boolean existed();

        /** Whether the person belonged to the branch that day, or was its first secretary. */
        boolean belongs(String member);

        Optional<String> firstSecretary();

        /** Whether the member existed in the bureau at all. */
        boolean known(String member);

        /** The commitment item codes the actor filed in the activity's year. */
        Set<String> commitmentItems(String actor, int year);
    }

    private ActivityRules() {}

    static List<FieldError> check(LogActivity a, LocalDate today, Branch branch) {
        var errors = new ArrayList<FieldError>();
        if (a.occurredOn().isAfter(today)) {
            errors.add(FieldError.of("occurredOn", "An activity cannot be recorded before it happens"));
        }
        if (!branch.existed()) {
            errors.add(FieldError.of("branch", "No branch " + a.branch() + " on " + a.occurredOn()));
            return errors;
        }
        if (BY_FIRST_SECRETARY.contains(a.type())) {
            if (!branch.firstSecretary().map(a.actor()::equals).orElse(false)) {
                errors.add(FieldError.of(
                        "actor",
                        a.type() + " is the first secretary's duty; " + a.actor() + " was not first secretary of "
                                + a.branch() + " on " + a.occurredOn()));
            }
        } else {
            people(errors, "actor", List.of(a.actor()), branch, a, false);
        }
        people(errors, "participants", a.participants(), branch, a, true);
        foreignFields(errors, a);
        if (a.recordedBy() != null && !branch.known(a.recordedBy())) {
            errors.add(FieldError.of("recordedBy", "No member " + a.recordedBy()));
        }
        switch (a.type()) {
            case TALK -> {
                if (isEmpty(a.participants())) {
                    errors.add(FieldError.of("participants", "A talk needs at least one member talked with"));
                }
            }
            case PARTY_LECTURE -> {
                if (a.lecturer() != null && !branch.known(a.lecturer())) {
                    errors.add(FieldError.of("lecturer", "No member " + a.lecturer()));
                }
                if (isEmpty(audienceOf(a))) {
                    errors.add(FieldError.of("audience", "A lecture needs its audience"));
                }
                people(errors, "audience", a.audience(), branch, a, true);
            }
            case SUPERVISION_INSPECTION -> {
                if (!isEmpty(a.findings()) && a.rectificationDeadline() == null) {
                    errors.add(FieldError.of("rectificationDeadline", "Findings need a rectification deadline"));
                }
                if (a.rectificationDeadline() != null
                        && a.rectificationDeadline().isBefore(a.occurredOn())) {
                    errors.add(FieldError.of("rectificationDeadline", "The deadline cannot precede the inspection"));
                }
            }
            case EXPERIENCE_SUMMARY -> {
                if (a.promotionLevel() == null) {
                    errors.add(FieldError.of("promotionLevel", "Say at which level the experience was promoted"));
                }
            }
            case ANNUAL_COMMITMENT -> commitments(errors, a);
            case YEAR_END_REPORT -> outcomes(errors, a, branch);
            case SERVICE_VISIT -> {
                if (isEmpty(a.enterprises())) {
                    errors.add(FieldError.of("enterprises", "Name the enterprises visited"));
                }
                for (int i = 0; a.enterprises() != null && i < a.enterprises().size(); i++) {
                    if (blank(a.enterprises().get(i).name())) {
                        errors.add(FieldError.of("enterprises[" + i + "].name", "must not be blank"));
                    }
                }
            }
            default -> {
                if (MEETINGS.contains(a.type())) {
                    meeting(errors, a, branch);
                }
            }
        }
        return errors;
    }

    /** Fields that belong to another type are refused rather than stored unchecked. */
    private static void foreignFields(List<FieldError> errors, LogActivity a) {
        foreign(errors, a, "lecturer", a.lecturer(), EnumSet.of(ActivityType.PARTY_LECTURE));
        foreign(errors, a, "audience", a.audience(), EnumSet.of(ActivityType.PARTY_LECTURE));
        foreign(errors, a, "attendees", a.attendees(), MEETINGS);
        foreign(errors, a, "absentees", a.absentees(), MEETINGS);
        foreign(errors, a, "findings", a.findings(), EnumSet.of(ActivityType.SUPERVISION_INSPECTION));
        foreign(
                errors,
                a,
                "rectificationDeadline",
                a.rectificationDeadline(),
                EnumSet.of(ActivityType.SUPERVISION_INSPECTION));
        foreign(errors, a, "promotionLevel", a.promotionLevel(), EnumSet.of(ActivityType.EXPERIENCE_SUMMARY));
        foreign(errors, a, "commitmentItems", a.commitmentItems(), EnumSet.of(ActivityType.ANNUAL_COMMITMENT));
        foreign(errors, a, "itemOutcomes", a.itemOutcomes(), EnumSet.of(ActivityType.YEAR_END_REPORT));
        foreign(errors, a, "enterprises", a.enterprises(), EnumSet.of(ActivityType.SERVICE_VISIT));
    }

    private static void foreign(
            List<FieldError> errors, LogActivity a, String field, Object value, Set<ActivityType> owners) {
        if (value != null && !owners.contains(a.type())) {
            errors.add(FieldError.of(field, field + " does not belong to a " + a.type() + "; it belongs to " + owners));
        }
    }

    /** The lecture's audience: {@code audience}, or {@code participants} when only those are given. */
    static List<String> audienceOf(LogActivity a) {
        return a.audience() != null ? a.audience() : a.participants();
    }

    /** The meeting's attendees: {@code attendees}, or {@code participants} when only those are given. */
    static List<String> attendeesOf(LogActivity a) {
        return a.attendees() != null ? a.attendees() : a.participants();
    }

    private static void meeting(List<FieldError> errors, LogActivity a, Branch branch) {
        List<String> attendees = attendeesOf(a);
        if (isEmpty(attendees)) {
            errors.add(FieldError.of("attendees", "A meeting needs its attendees"));
        }
        people(errors, "attendees", a.attendees(), branch, a, true);
        people(errors, "absentees", a.absentees(), branch, a, true);
        if (attendees != null && a.absentees() != null) {
            for (int i = 0; i < a.absentees().size(); i++) {
                if (attendees.contains(a.absentees().get(i))) {
                    errors.add(
                            FieldError.of("absentees[" + i + "]", a.absentees().get(i) + " is also listed as present"));
                }
            }
        }
    }

    private static void commitments(List<FieldError> errors, LogActivity a) {
        if (isEmpty(a.commitmentItems())) {
            errors.add(FieldError.of("commitmentItems", "A commitment needs at least one item"));
            return;
        }
        var codes = new HashSet<String>();
        for (int i = 0; i < a.commitmentItems().size(); i++) {
            var item = a.commitmentItems().get(i);
            if (blank(item.code()) || !item.code().matches("^[A-Za-z0-9_-]{1,64}$")) {
                errors.add(
                        FieldError.of("commitmentItems[" + i + "].code", "must be 1-64 letters, digits, '-' or '_'"));
            } else if (!codes.add(item.code())) {
                errors.add(FieldError.of("commitmentItems[" + i + "].code", "Item " + item.code() + " appears twice"));
            }
            if (blank(item.text())) {
                errors.add(FieldError.of("commitmentItems[" + i + "].text", "must not be blank"));
            }
        }
    }

    private static void outcomes(List<FieldError> errors, LogActivity a, Branch branch) {
        if (isEmpty(a.itemOutcomes())) {
            errors.add(FieldError.of("itemOutcomes", "A year-end report gives the outcome of each commitment item"));
            return;
        }
        Set<String> committed = branch.commitmentItems(a.actor(), a.occurredOn().getYear());
        for (int i = 0; i < a.itemOutcomes().size(); i++) {
            var outcome = a.itemOutcomes().get(i);
            if (!committed.contains(outcome.item())) {
                errors.add(FieldError.of(
                        "itemOutcomes[" + i + "].item",
                        "No commitment item " + outcome.item() + " of " + a.actor() + " in "
                                + a.occurredOn().getYear()));
            }
            if (outcome.outcome() == null
                    || !Set.of("ACHIEVED", "PARTLY_ACHIEVED", "NOT_ACHIEVED").contains(outcome.outcome())) {
                errors.add(FieldError.of(
                        "itemOutcomes[" + i + "].outcome", "must be ACHIEVED, PARTLY_ACHIEVED or NOT_ACHIEVED"));
            }
        }
    }

    private static void people(
            List<FieldError> errors, String field, List<String> people, Branch branch, LogActivity a, boolean indexed) {
        if (people == null) {
            return;
        }
        for (int i = 0; i < people.size(); i++) {
            String name = indexed ? field + "[" + i + "]" : field;
            String member = people.get(i);
            if (!branch.known(member)) {
                errors.add(FieldError.of(name, "No member " + member + " in the bureau"));
            } else if (!branch.belongs(member)) {
                errors.add(FieldError.of(
                        name,
                        "Member " + member + " did not belong to branch " + a.branch() + " on " + a.occurredOn()));
            }
        }
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
