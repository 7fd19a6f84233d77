package io.firstsecretary.notification.delivery;

public enum DeliveryStatus {
    PENDING,
    SENDING,
    SENT,
    FAILED,
    CANCELLED
}
