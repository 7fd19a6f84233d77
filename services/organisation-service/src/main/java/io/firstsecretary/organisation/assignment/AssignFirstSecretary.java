package io.firstsecretary.organisation.assignment;

import io.firstsecretary.kit.web.Codes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/** {@code POST /api/v1/bureaus/{bureau}/first-secretaries}. */
public record AssignFirstSecretary(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String member,

        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String branch,

        @NotNull LocalDate from,
        LocalDate to) {}
