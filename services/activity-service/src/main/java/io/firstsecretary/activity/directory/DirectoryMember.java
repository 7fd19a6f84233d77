package io.firstsecretary.activity.directory;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * What the activity service knows of a member: the branches they belonged to and when, and
 * whether they left. Dates are ISO strings; an absent {@code from} or {@code to} is open.
 */
public record DirectoryMember(
        @Id String id,
        String bureau,
        String name,
        String branch,
        List<String> roles,
        Boolean active,
        LocalDate leftOn,
        List<Membership> memberships) {

    /** Whether the member belonged to the bureau's party organisation on {@code day}. */
    public boolean memberOn(LocalDate day) {
        return !Boolean.FALSE.equals(active) || leftOn == null || !day.isAfter(leftOn);
    }

    /** Whether the member belonged to {@code branch} on {@code day}. */
    public boolean memberOfOn(String branch, LocalDate day) {
        if (!memberOn(day)) {
            return false;
        }
        if (memberships == null || memberships.isEmpty()) {
            return branch.equals(this.branch);
        }
        return memberships.stream().anyMatch(m -> m.branch().equals(branch) && m.covers(day));
    }

    /** A stretch of time in one branch. */
    public record Membership(String branch, String from, String to) {

        boolean covers(LocalDate day) {
            return (from == null || !day.isBefore(LocalDate.parse(from)))
                    && (to == null || !day.isAfter(LocalDate.parse(to)));
        }
    }
}
