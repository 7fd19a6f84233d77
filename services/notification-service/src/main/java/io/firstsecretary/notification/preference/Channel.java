package io.firstsecretary.notification.preference;

/** How a reminder reaches its recipient. */
public enum Channel {
    EMAIL,
    WEBHOOK,
    INBOX
}
