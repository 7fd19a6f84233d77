package io.firstsecretary.activity.activity;

import java.time.LocalDate;

/** Optional filters of the activity list. */
record ActivityFilter(String branch, ActivityType type, LocalDate from, LocalDate to) {}
