package io.firstsecretary.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Leases and retry back-off. They are about the machine, not the work's calendar, so they run on the
 * system clock even when {@code firstsec.clock.fixed} freezes the domain's.
 */
@Component
class DeliveryTiming {

    private final Clock wall = Clock.systemUTC();
    private final Duration lease;
    private final Duration firstRetry;
    private final Duration longestRetry;
    private final int attempts;

    DeliveryTiming(
            @Value("${firstsec.notification.delivery.lease:PT2M}") Duration lease,
            @Value("${firstsec.notification.delivery.first-retry:PT30S}") Duration firstRetry,
            @Value("${firstsec.notification.delivery.longest-retry:PT1H}") Duration longestRetry,
            @Value("${firstsec.notification.delivery.attempts:8}") int attempts) {
        this.lease = lease;
        this.firstRetry = firstRetry;
        this.longestRetry = longestRetry;
        this.attempts = attempts;
    }

    Instant now() {
        return wall.instant();
    }

    Instant leaseEnd() {
        return now().plus(lease);
    }

    /** How many attempts a delivery gets before it is given up. */
    int attempts() {
        return attempts;
    }

    /** After the {@code attempt}-th failure: doubling from the first retry, capped, with ±20% jitter. */
    Instant nextAttempt(int attempt) {
        long base = Math.min(longestRetry.toMillis(), firstRetry.toMillis() * (1L << Math.min(attempt - 1, 30)));
        long jitter = (long) (base * 0.2 * (2 * ThreadLocalRandom.current().nextDouble() - 1));
        return now().plusMillis(base + jitter);
    }
}
