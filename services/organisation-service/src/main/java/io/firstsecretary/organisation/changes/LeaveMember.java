package io.firstsecretary.organisation.changes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A member leaves the bureau: on which day, and why (调离, 退休, …). */
record LeaveMember(
        @NotNull LocalDate on, @NotBlank @Size(max = 500) String reason) {}
