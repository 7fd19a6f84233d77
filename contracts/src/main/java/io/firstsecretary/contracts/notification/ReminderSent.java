package io.firstsecretary.contracts.notification;

import java.time.Instant;
import java.util.List;

/**
 * A reminder reached one recipient through one channel. {@code id} names the delivery (reminder ×
 * channel × recipient or webhook endpoint) and is the same on every attempt, so a receiver that has
 * seen it can ignore it.
 *
 * @param endpoint WEBHOOK: the endpoint that accepted it
 * @param attempts how many attempts it took
 */
public record ReminderSent(
        String id,
        String reminder,
        String bureau,
        List<String> bureauPath,
        String obligation,
        String recipient,
        String stage,
        String channel,
        String endpoint,
        int attempts,
        Instant sentAt) {}
