package io.firstsecretary.contracts.assessment;

import java.time.LocalDate;
import java.util.List;

/**
 * A duty became owed: one duty × one period × one assignee, due on {@code dueOn}. Bureau-level
 * duties (e.g. {@code BUREAU_MEETING_REPORT}) have no {@code assignee} or {@code branch}.
 *
 * @param owedBy who owes the duty: {@code FIRST_SECRETARY} (the assignee), {@code BUREAU} or
 *     {@code BRANCH}; absent (null) means {@code FIRST_SECRETARY}
 */
public record ObligationOpened(
        String id,
        String bureau,
        List<String> bureauPath,
        String duty,
        String period,
        String assignee,
        String branch,
        LocalDate dueOn,
        String owedBy) {

    /** A duty owed by the first secretary ({@code owedBy} absent). */
    public ObligationOpened(
            String id,
            String bureau,
            List<String> bureauPath,
            String duty,
            String period,
            String assignee,
            String branch,
            LocalDate dueOn) {
        this(id, bureau, bureauPath, duty, period, assignee, branch, dueOn, null);
    }
}
