package io.firstsecretary.notification.reminder;

/**
 * A reminder is {@code SCHEDULED} until every delivery of it is settled: then {@code SENT} when it
 * reached its recipient through at least one channel, {@code FAILED} when it reached them through
 * none; {@code CANCELLED} when withdrawn before that.
 */
public enum ReminderStatus {
    SCHEDULED,
    SENT,
    FAILED,
    CANCELLED
}
