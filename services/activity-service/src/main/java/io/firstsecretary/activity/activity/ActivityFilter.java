package io.firstsecretary.activity.activity;

import java.time.LocalDate;

/** Optional filters of the activity list; voided records only on request. */
record ActivityFilter(
        String branch,
        ActivityType type,
        String actor,
        String participant,
        LocalDate from,
        LocalDate to,
        boolean includeVoided) {}
