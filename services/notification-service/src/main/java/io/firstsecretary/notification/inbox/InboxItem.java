package io.firstsecretary.notification.inbox;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/** A reminder in a member's in-app inbox; its id is the delivery's. */
record InboxItem(
        @Id String id,
        String bureau,
        String member,
        String reminder,
        String stage,
        String subject,
        String text,
        String link,
        Instant receivedAt,
        boolean read) {}
