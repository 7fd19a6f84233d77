package io.firstsecretary.assessment.facts;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;

/**
 * A member's situation over time, as a set of dated states from organisation events. The set is
 * keyed by event id, so redelivery adds nothing and arrival order does not matter.
 */
public record MemberHistory(@Id String id, String bureau, String member, String name, List<State> states) {

    /** Roles that make a member a key person of the branch (支部书记、支委、党小组组长). */
    public static final List<String> KEY_ROLES = List.of("BRANCH_SECRETARY", "BRANCH_COMMITTEE", "GROUP_LEADER");

    static String idOf(String bureau, String member) {
        return bureau + "/" + member;
    }

    /** Where the member stood on {@code day}: the latest state effective by then. */
    public Optional<State> on(LocalDate day) {
        return states.stream()
                .filter(s -> s.effectiveOn() == null || !s.effectiveOn().isAfter(day))
                .max(Comparator.comparing((State s) -> s.effectiveOn() == null ? LocalDate.MIN : s.effectiveOn())
                        .thenComparingLong(State::offset));
    }

    public boolean memberOf(String branch, LocalDate day) {
        return on(day).filter(s -> s.active() && branch.equals(s.branch())).isPresent();
    }

    public boolean keyPersonOf(String branch, LocalDate day) {
        return on(day).filter(s -> s.active()
                        && branch.equals(s.branch())
                        && s.roles().stream().anyMatch(KEY_ROLES::contains))
                .isPresent();
    }

    /**
     * One state of the member from {@code effectiveOn} (absent: since registration).
     *
     * @param offset the event's position on the organisation topic, where a bureau's events keep
     *     their order: it orders two states of the same day
     */
    public record State(
            String event,
            LocalDate effectiveOn,
            long offset,
            String branch,
            String partyGroup,
            List<String> roles,
            boolean active) {

        public State {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
