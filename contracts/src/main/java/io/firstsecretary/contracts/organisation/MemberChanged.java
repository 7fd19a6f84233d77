package io.firstsecretary.contracts.organisation;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's situation changed: transferred to another branch or party group, roles changed,
 * contact details changed, or left. The event type says which; the payload is the member's full
 * state after the change, effective on {@code effectiveOn}, with where the member was before a
 * transfer.
 */
public record MemberChanged(
        String bureau,
        List<String> bureauPath,
        String id,
        String name,
        String email,
        String phone,
        List<String> roles,
        String branch,
        String partyGroup,
        LocalDate joinedPartyOn,
        boolean active,
        LocalDate effectiveOn,
        String previousBranch,
        String previousPartyGroup,
        String reason) {}
