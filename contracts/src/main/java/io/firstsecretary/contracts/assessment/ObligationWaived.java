package io.firstsecretary.contracts.assessment;

import java.time.LocalDate;
import java.util.List;

/**
 * An obligation is no longer owed, e.g. its assignee's term ended before its period began.
 *
 * @param note the party-building office's reason, for {@code WAIVED_BY_OFFICE}
 */
public record ObligationWaived(
        String id,
        String bureau,
        List<String> bureauPath,
        String duty,
        String period,
        String assignee,
        String branch,
        LocalDate dueOn,
        String reason,
        String note) {

    /** A waiver without a note. */
    public ObligationWaived(
            String id,
            String bureau,
            List<String> bureauPath,
            String duty,
            String period,
            String assignee,
            String branch,
            LocalDate dueOn,
            String reason) {
        this(id, bureau, bureauPath, duty, period, assignee, branch, dueOn, reason, null);
    }
}
