package io.firstsecretary.console.duties;

import io.firstsecretary.console.api.Assessment.Obligation;
import java.time.LocalDate;
import java.util.List;

/**
 * One duty as the first secretary sees it: its state in words and colour, what is still missing, and
 * the activity type that fulfils it (none for duties the bureau records, such as reviews).
 *
 * @param state MET, MET_LATE, OPEN, DUE_SOON, OVERDUE, WAIVED, or UPDATING while a record just
 *     logged has not reached the duty yet
 * @param missing the names of the people not yet talked with, for talk duties
 * @param waitingFor the record just logged that the page is waiting to see counted, if any
 */
public record DutyCard(
        Obligation obligation,
        String name,
        String state,
        String activityType,
        List<String> missing,
        String waitingFor,
        int tries) {

    /** Open duties due within this many days show as 即将到期. */
    static final int DUE_SOON_DAYS = 14;

    static String stateOf(Obligation obligation, LocalDate today) {
        if ("OPEN".equals(obligation.status())) {
            if (today.isAfter(obligation.dueOn())) {
                return "OVERDUE";
            }
            return today.plusDays(DUE_SOON_DAYS).isBefore(obligation.dueOn()) ? "OPEN" : "DUE_SOON";
        }
        return obligation.status();
    }

    public boolean recordable() {
        return activityType != null && obligation.open();
    }

    public boolean updating() {
        return "UPDATING".equals(state);
    }
}
