package io.firstsecretary.activity.activity;

import io.firstsecretary.kit.web.Codes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST …/activities/{id}/void}. */
record VoidActivity(
        @NotBlank @Size(max = 1_000) String reason,

        @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String by) {}
