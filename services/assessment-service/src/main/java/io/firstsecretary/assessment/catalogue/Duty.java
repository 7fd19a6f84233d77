package io.firstsecretary.assessment.catalogue;

import io.firstsecretary.assessment.period.Cadence;
import io.firstsecretary.assessment.period.Period;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * One duty of the catalogue (职责): who owes it, how often, and what fulfils it.
 *
 * @param scope what one obligation is owed per: a first-secretary assignment, a bureau or a branch
 * @param owedBy who must do the work (for a quarterly review: the bureau, about a first secretary)
 * @param rule how evidence fulfils the obligation
 * @param fulfilledBy the activity types that count as evidence for {@link Rule#ACTIVITIES}
 * @param minimumCount how many distinct activities {@link Rule#ACTIVITIES} needs (default 1)
 * @param creditedTo who an activity counts for: its actor, the lecturer, each attendee of a meeting
 *     (the first secretary's 双重组织生活) or, for the branch section, the branch itself
 * @param dueBy for yearly duties due early in the year (年初承诺), the day they fall due
 * @param graceDays days after the period's end before the duty is due (a quarterly review is
 *     recorded after the quarter)
 */
public record Duty(
        String code,
        String name,
        Scope scope,
        OwedBy owedBy,
        Cadence cadence,
        Rule rule,
        List<String> fulfilledBy,
        int minimumCount,
        Credit creditedTo,
        MonthDay dueBy,
        int graceDays) {

    /** What one obligation of the duty is owed per. */
    public enum Scope {
        ASSIGNMENT,
        BUREAU,
        BRANCH
    }

    /** Who does the work. */
    public enum OwedBy {
        FIRST_SECRETARY,
        BUREAU,
        BRANCH
    }

    /** How evidence fulfils an obligation. */
    public enum Rule {
        /** {@code minimumCount} activities of the listed types. */
        ACTIVITIES,
        /** A talk (TALK) with each key person of the branch: secretary, committee, group leaders. */
        EACH_KEY_PERSON,
        /** Talks covering every member of the branch (谈心谈话全覆盖). */
        EVERY_MEMBER,
        /** The bureau's quarterly review (点评) of the first secretary. */
        REVIEW,
        /** The monthly bureau-meeting report filed by the party-building office. */
        REPORT
    }

    /** Who an activity counts for. */
    public enum Credit {
        ACTOR,
        LECTURER,
        ATTENDEE,
        BRANCH
    }

    public Duty {
        fulfilledBy = fulfilledBy == null ? List.of() : List.copyOf(fulfilledBy);
        minimumCount = Math.max(1, minimumCount);
        if (creditedTo == null) {
            creditedTo = scope == Scope.BRANCH ? Credit.BRANCH : Credit.ACTOR;
        }
    }

    /** The day an obligation of {@code period} falls due. */
    public LocalDate dueOn(Period period) {
        return dueBy == null ? period.end().plusDays(graceDays) : dueBy.atYear(period.year());
    }

    public boolean countsActivity(String type) {
        return switch (rule) {
            case ACTIVITIES -> fulfilledBy.contains(type);
            case EACH_KEY_PERSON, EVERY_MEMBER -> "TALK".equals(type);
            case REVIEW, REPORT -> false;
        };
    }
}
