package io.firstsecretary.contracts.notification;

import java.util.List;

/** A scheduled reminder was withdrawn, e.g. because its obligation was fulfilled. */
public record ReminderCancelled(
        String id,
        String bureau,
        List<String> bureauPath,
        String obligation,
        String recipient,
        String reason,
        String activity) {}
