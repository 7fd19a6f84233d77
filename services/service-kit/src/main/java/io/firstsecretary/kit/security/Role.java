package io.firstsecretary.kit.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a caller is to the platform. A person's roles come from the directory (an office member, a
 * branch secretary, a first secretary while a term runs); a system's from the client its bureau's
 * office created. Each role grants a fixed set of {@link Scope scopes}.
 */
public enum Role {
    /** Runs the platform: creates root bureaus, acts on every bureau, rebuilds projections. */
    PLATFORM_OPERATOR(EnumSet.allOf(Scope.class), Reach.EVERY_BUREAU),
    /** 党建办: manages its bureau and everything below it. */
    PARTY_BUILDING_OFFICE(EnumSet.complementOf(EnumSet.of(Scope.OPERATE)), Reach.SUBTREE),
    /** Reads its bureau's subtree, changes nothing. */
    AUDITOR(
            EnumSet.of(Scope.EVENTS_READ, Scope.DIRECTORY_READ, Scope.ACTIVITIES_READ, Scope.ASSESSMENT_READ),
            Reach.SUBTREE),
    /** 第一书记: logs and corrects his or her own work, reads the bureau's branches and duties. */
    FIRST_SECRETARY(
            EnumSet.of(
                    Scope.DIRECTORY_READ,
                    Scope.ACTIVITIES_READ,
                    Scope.ACTIVITIES_WRITE,
                    Scope.ASSESSMENT_READ,
                    Scope.SELF),
            Reach.OWN_BUREAU),
    /** 支部书记: the branch's records and meetings. */
    BRANCH_SECRETARY(
            EnumSet.of(
                    Scope.DIRECTORY_READ,
                    Scope.ACTIVITIES_READ,
                    Scope.ACTIVITIES_WRITE,
                    Scope.ASSESSMENT_READ,
                    Scope.SELF),
            Reach.OWN_BUREAU),
    /** 党员: his or her own inbox, preferences and calendar. */
    MEMBER(EnumSet.of(Scope.SELF), Reach.OWN_BUREAU);

    private final Set<Scope> scopes;
    private final Reach reach;

    Role(Set<Scope> scopes, Reach reach) {
        this.scopes = Set.copyOf(scopes);
        this.reach = reach;
    }

    public Set<Scope> scopes() {
        return scopes;
    }

    public Reach reach() {
        return reach;
    }

    /** How far below the caller's own bureau a role reaches. */
    public enum Reach {
        OWN_BUREAU,
        SUBTREE,
        EVERY_BUREAU
    }
}
