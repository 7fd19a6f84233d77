package io.firstsecretary.notification.reminder;

/** How a reminder reaches its recipient. */
public enum Channel {
    EMAIL,
    WEBHOOK,
    INBOX
}
