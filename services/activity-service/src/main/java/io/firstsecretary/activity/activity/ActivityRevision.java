package io.firstsecretary.activity.activity;

import io.firstsecretary.contracts.activity.ActivityLogged;
import java.time.Instant;
import java.util.List;

/**
 * One step in a record's life: how it was logged, each correction with the fields it changed, a
 * void. {@code record} is the record as it stood after the step.
 */
record ActivityRevision(
        int revision, Kind kind, Instant at, String reason, List<String> changed, ActivityLogged record) {

    enum Kind {
        LOGGED,
        CORRECTED,
        VOIDED
    }
}
