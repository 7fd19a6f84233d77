package io.firstsecretary.organisation.changes;

import io.firstsecretary.kit.web.Codes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/** {@code POST …/branches/{branch}/merge}: into another branch of the same bureau. */
record MergeBranch(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String into,

        LocalDate on) {}
