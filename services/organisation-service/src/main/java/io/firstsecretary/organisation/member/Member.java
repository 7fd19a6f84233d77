package io.firstsecretary.organisation.member;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * A party member (党员). Member ids are chosen by the bureaus and unique across the platform. A
 * member who left is kept, inactive, with the day they left.
 */
public record Member(
        @Id String id,
        String bureau,
        String name,
        String email,
        String phone,
        List<Role> roles,
        String branch,
        String partyGroup,
        LocalDate joinedPartyOn,
        boolean active,
        LocalDate leftOn) {

    public boolean holds(Role role) {
        return roles.contains(role);
    }
}
