package io.firstsecretary.organisation.member;

import io.firstsecretary.kit.web.Codes;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** {@code POST /api/v1/bureaus/{bureau}/members}. */
public record RegisterMember(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String id,

        @NotBlank
        @Size(max = 100)
        @Pattern(
                regexp = "^(?=.*\\p{L})[^/\\\\<>\\p{Cntrl}]+$",
                message = "a name has at least one letter and no slashes, angle brackets or control characters")
        String name,

        @Email @Size(max = 200) String email,

        @Pattern(regexp = "^\\+?[0-9 -]{5,20}$", message = "must be a phone number")
        String phone,

        @Size(max = 6) List<@NotNull Role> roles,

        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String branch,

        @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String partyGroup,

        @PastOrPresent LocalDate joinedPartyOn) {}
