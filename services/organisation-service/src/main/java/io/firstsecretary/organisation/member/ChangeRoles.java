package io.firstsecretary.organisation.member;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** {@code PUT …/members/{id}/roles}: the member's roles from {@code on}. */
public record ChangeRoles(@NotNull @Size(max = 6) List<@NotNull Role> roles, LocalDate on) {}
