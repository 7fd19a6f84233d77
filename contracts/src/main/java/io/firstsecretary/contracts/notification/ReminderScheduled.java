package io.firstsecretary.contracts.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A reminder was put on the schedule for a recipient at {@code scheduledFor}.
 *
 * @param obligation absent for follow-ups and digests
 * @param activity FOLLOW_UP: the logged work it follows up
 * @param dueOn the day the work is due (obligation due day, report-back day, rectification deadline)
 */
public record ReminderScheduled(
        String id,
        String bureau,
        List<String> bureauPath,
        String obligation,
        String recipient,
        String duty,
        String period,
        String stage,
        Instant scheduledFor,
        List<String> channels,
        String activity,
        LocalDate dueOn) {}
