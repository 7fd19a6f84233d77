package io.firstsecretary.notification.delivery;

import io.firstsecretary.notification.preference.Channel;
import io.firstsecretary.notification.reminder.ReminderStage;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * One reminder to one recipient through one channel (for webhooks, one endpoint): attempted until it
 * is {@code SENT} or given up as {@code FAILED}. Its id derives from those three, so however often
 * the reminder is released there is one delivery, and it is the {@code webhook-id} and Message-ID a
 * receiver can deduplicate on.
 *
 * @param owner the dispatcher instance holding it while {@code SENDING}, until {@code leaseUntil}
 */
public record Delivery(
        @Id String id,
        String reminder,
        String bureau,
        List<String> bureauPath,
        String obligation,
        String recipient,
        ReminderStage stage,
        Channel channel,
        String endpoint,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant leaseUntil,
        String owner,
        String lastError,
        Instant sentAt) {}
