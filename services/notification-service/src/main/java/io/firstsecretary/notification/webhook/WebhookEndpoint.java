package io.firstsecretary.notification.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * Where a bureau's reminders are posted: reminders of the bureau and every bureau below it whose
 * stage is in {@code events} (or all, for {@code "*"}). Disabled after it answers 410 Gone or fails
 * too many attempts in a row.
 *
 * @param failures failed attempts since the last success
 */
record WebhookEndpoint(
        @Id String id,
        String bureau,
        String url,
        List<String> events,
        @JsonIgnore String secret,
        boolean enabled,
        int failures,
        String disabledReason,
        Instant createdAt) {

    boolean wants(String stage) {
        return events.contains("*") || events.contains(stage);
    }
}
