package io.firstsecretary.activity.activity;

import io.firstsecretary.kit.web.Codes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** {@code POST /api/v1/bureaus/{bureau}/activities}. */
record LogActivity(
        @NotNull ActivityType type,

        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String branch,

        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String actor,

        @NotNull LocalDate occurredOn,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 500) List<@NotBlank String> participants,
        @Size(max = 10_000) String notes) {}
