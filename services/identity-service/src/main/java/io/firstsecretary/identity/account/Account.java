package io.firstsecretary.identity.account;

import io.firstsecretary.kit.security.Role;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;

/**
 * A member's login: who the member is in the directory, and the password hash once one is set.
 * The platform roles follow the directory: a member who leaves has none and cannot log in.
 *
 * @param terms the member's first-secretary terms, by assignment id, with their last day if set
 */
public record Account(
        @Id String member,
        String name,
        String bureau,
        List<String> bureauPath,
        List<String> directoryRoles,
        boolean active,
        List<Term> terms,
        String passwordHash) {

    public Account {
        bureauPath = bureauPath == null ? List.of() : List.copyOf(bureauPath);
        directoryRoles = directoryRoles == null ? List.of() : List.copyOf(directoryRoles);
        terms = terms == null ? List.of() : List.copyOf(terms);
    }

    /** The platform roles on {@code today}: none once the member has left. */
    public Set<Role> roles(LocalDate today) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (!active) {
            return roles;
        }
        roles.add(Role.MEMBER);
        if (directoryRoles.contains("PARTY_BUILDING_OFFICE")) {
            roles.add(Role.PARTY_BUILDING_OFFICE);
        }
        if (directoryRoles.contains("BRANCH_SECRETARY")) {
            roles.add(Role.BRANCH_SECRETARY);
        }
        if (terms.stream()
                .anyMatch(t -> t.to() == null || !LocalDate.parse(t.to()).isBefore(today))) {
            roles.add(Role.FIRST_SECRETARY);
        }
        return roles;
    }

    /** A first-secretary term: its assignment id and last day, if any ({@code yyyy-MM-dd}). */
    public record Term(String assignment, String to) {}
}
