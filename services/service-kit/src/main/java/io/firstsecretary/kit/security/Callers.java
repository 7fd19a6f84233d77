package io.firstsecretary.kit.security;

import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The {@link Caller} of the request being served. */
public final class Callers {

    private Callers() {}

    /** The authenticated caller; every API request has one, the security filter saw to it. */
    public static Caller current() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerToken token) {
            return token.caller();
        }
        throw new IllegalStateException("No authenticated caller: the request did not pass the resource server");
    }

    /** The caller when the current thread serves an authenticated request; none for a consumer or a timer. */
    public static Optional<Caller> find() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerToken token
                ? Optional.of(token.caller())
                : Optional.empty();
    }

    /** An authentication that knows its caller; its authorities are the caller's scopes. */
    static final class CallerToken extends JwtAuthenticationToken {

        private final transient Caller caller;

        CallerToken(Jwt jwt, Caller caller) {
            super(
                    jwt,
                    caller.scopes().stream()
                            .<GrantedAuthority>map(s -> new SimpleGrantedAuthority("SCOPE_" + s.value()))
                            .toList(),
                    caller.subject());
            this.caller = caller;
        }

        Caller caller() {
            return caller;
        }
    }
}
