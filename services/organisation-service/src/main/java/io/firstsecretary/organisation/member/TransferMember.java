package io.firstsecretary.organisation.member;

import io.firstsecretary.kit.web.Codes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST …/members/{id}/transfer}: to another branch or party group. Without {@code roles}
 * the member keeps the roles that do not belong to a branch (COMMITTEE_MEMBER,
 * PARTY_BUILDING_OFFICE) and leaves the branch's offices behind.
 */
public record TransferMember(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String branch,

        @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String partyGroup,

        @Size(max = 6) List<@NotNull Role> roles,
        LocalDate on) {}
