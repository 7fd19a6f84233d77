package io.firstsecretary.notification.reminder;

/** Why a reminder is sent. */
public enum ReminderStage {
    DUE_SOON,
    OVERDUE,
    ESCALATION,
    FOLLOW_UP,
    DIGEST
}
