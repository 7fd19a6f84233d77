package io.firstsecretary.console.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in person, as the identity service's ID token describes him or her: the member id,
 * the bureau, the name and the roles the directory gives today.
 */
public record Person(String member, String bureau, String name, Set<String> roles) {

    public static final String FIRST_SECRETARY = "FIRST_SECRETARY";
    public static final String BRANCH_SECRETARY = "BRANCH_SECRETARY";
    public static final String OFFICE = "PARTY_BUILDING_OFFICE";
    public static final String OPERATOR = "PLATFORM_OPERATOR";

    static Person of(OidcUser user) {
        List<String> roles = user.getClaimAsStringList("roles");
        String member = user.getClaimAsString("member");
        String name = user.getClaimAsString("name");
        return new Person(
                member == null ? user.getSubject() : member,
                user.getClaimAsString("bureau"),
                name == null ? user.getSubject() : name,
                roles == null ? Set.of() : Set.copyOf(roles));
    }

    /** The person of the current request; only called behind the login, so there always is one. */
    public static Person current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            return of(user);
        }
        throw new IllegalStateException("No one is signed in");
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isFirstSecretary() {
        return is(FIRST_SECRETARY);
    }

    public boolean isBranchSecretary() {
        return is(BRANCH_SECRETARY);
    }

    /** The party-building office of a bureau, or the operator acting as one. */
    public boolean isOffice() {
        return is(OFFICE) || is(OPERATOR);
    }

    /** The page a person lands on after login: the work he or she does most. */
    public String home() {
        if (isFirstSecretary()) {
            return "/duties";
        }
        if (isOffice()) {
            return "/office/matrix";
        }
        if (isBranchSecretary()) {
            return "/branch";
        }
        return "/inbox";
    }
}
