package io.firstsecretary.contracts.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A piece of work was recorded: a lecture, a talk, an inspection… Keyed by branch on the topic. */
public record ActivityLogged(
        String id,
        String bureau,
        List<String> bureauPath,
        String type,
        String branch,
        String actor,
        LocalDate occurredOn,
        String title,
        List<String> participants,
        String notes,
        Instant loggedAt) {}
