package io.firstsecretary.organisation.branch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code PATCH /api/v1/bureaus/{bureau}/branches/{branch}}: a new name or other divisions. */
public record RenameBranch(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> divisions) {}
