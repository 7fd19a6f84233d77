package io.firstsecretary.organisation.assignment;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** {@code POST …/first-secretaries/{id}/relieve}: the term ends on {@code on}. */
public record RelieveFirstSecretary(@NotNull LocalDate on) {}
