package io.firstsecretary.console.policy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A saved version of a duty catalogue or a scoring policy: whose it is ({@code null} for the platform
 * default), when it was saved, its number and the day it applies from.
 */
interface Version {

    String bureau();

    Instant savedAt();

    String version();

    LocalDate effectiveFrom();
}
