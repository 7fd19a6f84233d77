package io.firstsecretary.organisation.bureau;

import io.firstsecretary.kit.web.Codes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/bureaus}: a root bureau has no parent. */
public record RegisterBureau(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String code,

        @NotBlank @Size(max = 200) String name,
        @NotNull BureauLevel level,

        @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String parent) {}
