package io.firstsecretary.contracts.notification;

import java.time.Instant;
import java.util.List;

/** A reminder was put on the schedule for a recipient at {@code scheduledFor}. */
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
        List<String> channels) {}
