package io.firstsecretary.kit.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an operation needs. Integration clients are granted scopes by name ({@code events:read});
 * people and office clients hold them through their {@link Role roles}.
 */
public enum Scope {
    EVENTS_READ("events:read"),
    DIRECTORY_READ("directory:read"),
    DIRECTORY_WRITE("directory:write"),
    ACTIVITIES_READ("activities:read"),
    ACTIVITIES_WRITE("activities:write"),
    ASSESSMENT_READ("assessment:read"),
    ASSESSMENT_WRITE("assessment:write"),
    NOTIFICATIONS_MANAGE("notifications:manage"),
    CLIENTS_MANAGE("clients:manage"),
    /** The caller's own inbox, preferences and calendar: only the member named in the path. */
    SELF("self"),
    /** Operator endpoints: rebuilds, signing keys. */
    OPERATE("operate");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    /** The scope as it appears in a token and in a client's registration. */
    public String value() {
        return value;
    }

    public static Optional<Scope> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
