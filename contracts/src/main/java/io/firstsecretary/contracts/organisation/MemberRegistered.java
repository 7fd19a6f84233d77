package io.firstsecretary.contracts.organisation;

import java.time.LocalDate;
import java.util.List;

/** A party member (党员) was registered with their branch, optional party group and roles. */
public record MemberRegistered(
        String bureau,
        List<String> bureauPath,
        String id,
        String name,
        String email,
        String phone,
        List<String> roles,
        String branch,
        String partyGroup,
        LocalDate joinedPartyOn) {}
