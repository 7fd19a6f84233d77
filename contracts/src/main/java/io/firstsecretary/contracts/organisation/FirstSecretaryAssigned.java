package io.firstsecretary.contracts.organisation;

import java.time.LocalDate;
import java.util.List;

/**
 * A party-committee member was appointed first secretary (第一书记) of a branch for a term;
 * {@code to} is absent for an open-ended term.
 */
public record FirstSecretaryAssigned(
        String bureau,
        List<String> bureauPath,
        String assignment,
        String member,
        String memberName,
        String branch,
        LocalDate from,
        LocalDate to) {}
