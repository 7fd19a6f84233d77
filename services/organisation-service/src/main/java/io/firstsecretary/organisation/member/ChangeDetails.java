package io.firstsecretary.organisation.member;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** {@code PATCH …/members/{id}}: name and contact details. */
public record ChangeDetails(
        @NotBlank
        @Size(max = 100)
        @Pattern(
                regexp = "^(?=.*\\p{L})[^/\\\\<>\\p{Cntrl}]+$",
                message = "a name has at least one letter and no slashes, angle brackets or control characters")
        String name,

        @Email @Size(max = 200) String email,

        @Pattern(regexp = "^\\+?[0-9 -]{5,20}$", message = "must be a phone number")
        String phone,

        @PastOrPresent LocalDate joinedPartyOn) {}
