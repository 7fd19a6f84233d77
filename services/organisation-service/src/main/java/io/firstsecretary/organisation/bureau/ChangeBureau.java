package io.firstsecretary.organisation.bureau;

import io.firstsecretary.kit.web.Codes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/v1/bureaus/{bureau}}: rename, change level or move the bureau in the tree. */
public record ChangeBureau(
        @NotBlank @Size(max = 200) String name,
        @NotNull BureauLevel level,

        @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String parent) {}
