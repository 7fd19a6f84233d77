package io.firstsecretary.contracts.organisation;

import java.time.LocalDate;
import java.util.List;

/**
 * A first secretary's term ended early on {@code to}: relieved, left the party organisation, or
 * the branch was dissolved or merged. Duties after that day are no longer owed by this assignment.
 */
public record FirstSecretaryRelieved(
        String bureau,
        List<String> bureauPath,
        String assignment,
        String member,
        String branch,
        LocalDate from,
        LocalDate to,
        String reason) {}
