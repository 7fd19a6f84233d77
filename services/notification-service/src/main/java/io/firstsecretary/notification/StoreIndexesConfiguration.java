package io.firstsecretary.notification;

import io.firstsecretary.kit.store.StoreIndex;
import io.firstsecretary.kit.store.StoreIndexes;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the notification service's queries need on MongoDB; the scenarios check that none goes without. */
@Configuration(proxyBeanMethods = false)
class StoreIndexesConfiguration {

    @Bean
    StoreIndexes notificationIndexes() {
        return () -> List.of(
                // reminders of a bureau, a recipient or a stage, by when they are due; those falling due
                StoreIndex.on("reminders", "bureau", "scheduledFor"),
                StoreIndex.on("reminders", "bureau", "recipient", "scheduledFor"),
                StoreIndex.on("reminders", "status", "scheduledFor"),
                StoreIndex.on("reminders", "releasedAt", "scheduledFor"),
                StoreIndex.on("reminders", "activity"),
                // deliveries of a reminder; the next one a channel may attempt
                StoreIndex.on("deliveries", "reminder"),
                StoreIndex.on("deliveries", "bureau"),
                StoreIndex.on("deliveries", "channel", "nextAttemptAt"),
                // a member's inbox, newest first
                StoreIndex.on("inbox", "bureau", "member", "receivedAt"),
                // obligations known to the reminders, open or closed, by due day
                StoreIndex.on("obligations", "bureau", "closed", "dueOn"),
                StoreIndex.on("obligations", "closed"),
                // office holders of a bureau or branch
                StoreIndex.on("people", "bureau", "roles"),
                // a bureau's webhooks
                StoreIndex.on("webhooks", "bureau", "createdAt"),
                // a member's calendar feeds
                StoreIndex.on("calendar_tokens", "bureau", "member"));
    }
}
