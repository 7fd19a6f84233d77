package io.firstsecretary.notification.reminder;

public enum ReminderStatus {
    SCHEDULED,
    SENT,
    FAILED,
    CANCELLED
}
