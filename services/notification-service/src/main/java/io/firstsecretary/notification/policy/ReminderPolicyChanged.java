package io.firstsecretary.notification.policy;

/** A bureau's reminder policy changed: its pending reminders are scheduled again under it. */
public record ReminderPolicyChanged(String bureau) {}
