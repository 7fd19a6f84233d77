package io.firstsecretary.contracts.notification;

import java.time.Instant;
import java.util.List;

/**
 * A reminder was given up for one recipient and channel after {@code attempts}, for {@code reason}
 * (e.g. no e-mail address, the endpoint answered 410 Gone, retries exhausted).
 *
 * @param endpoint WEBHOOK: the endpoint that did not accept it
 */
public record ReminderFailed(
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
        String reason,
        Instant failedAt) {}
