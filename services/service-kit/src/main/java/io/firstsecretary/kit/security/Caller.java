package io.firstsecretary.kit.security;

import io.firstsecretary.kit.web.UnprocessableException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling, read from the access token: the subject, the bureau the caller belongs to, the
 * directory member when the caller is a person, and what the caller may do.
 *
 * @param subject the token's subject: a member id for a person, a client id for a system
 * @param bureau the caller's own bureau, absent only for the platform operator
 * @param member the member id when the caller is a person
 */
public record Caller(String subject, String bureau, String member, Set<Role> roles, Set<Scope> scopes) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public boolean isPerson() {
        return member != null;
    }

    /** The widest reach of the caller's roles; a client with scopes alone reaches its subtree. */
    public Role.Reach reach() {
        if (roles.isEmpty()) {
            return Role.Reach.SUBTREE;
        }
        return roles.stream().map(Role::reach).max(Enum::compareTo).orElseThrow();
    }

    /** The name recorded as who did something: the member for a person, the client otherwise. */
    public String actor() {
        return member != null ? member : subject;
    }

    /**
     * Whether the caller records work others did: an office or the operator, or a system whose
     * bureau's office gave it the scope. Everybody else records only his or her own.
     */
    public boolean recordsOnBehalf() {
        return !isPerson() || is(Role.PARTY_BUILDING_OFFICE) || is(Role.PLATFORM_OPERATOR);
    }

    /**
     * The member to record in a "who did it" field ({@code recordedBy}, {@code reviewedBy}, …): the
     * caller, unless the caller {@link #recordsOnBehalf records on behalf} and the body names
     * someone; a body naming someone else is refused on {@code field}. A system that names nobody
     * records nobody: the event's {@code causedby} still says which client it was.
     */
    public String member(String named, String field) {
        if (named == null || named.equals(member)) {
            return member;
        }
        if (recordsOnBehalf()) {
            return named;
        }
        throw new UnprocessableException(
                field,
                field + " names " + named + ", but the signed-in member is " + member
                        + ": only the party-building office records on behalf of others");
    }
}
