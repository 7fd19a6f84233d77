package io.firstsecretary.activity.activity;

/** Whether a record still counts as evidence. */
public enum ActivityStatus {
    ACTIVE,
    VOIDED
}
