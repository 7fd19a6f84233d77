package io.firstsecretary.kit.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a {@link Caller} from an access token. The claim names are settings, so the platform
 * accepts any OIDC issuer: a name with dots ({@code realm_access.roles}) looks into nested claims.
 * Roles and scopes the platform does not know are ignored.
 */
public record TokenClaims(String bureau, String member, String roles) {

    public Caller caller(Jwt jwt) {
        Set<Role> granted = EnumSet.noneOf(Role.class);
        strings(jwt, roles).forEach(name -> parse(name).ifPresent(granted::add));
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        granted.forEach(role -> scopes.addAll(role.scopes()));
        Stream.concat(strings(jwt, "scope"), strings(jwt, "scp"))
                .forEach(name -> Scope.of(name).ifPresent(scopes::add));
        return new Caller(
                jwt.getSubject(),
                string(jwt, bureau).orElse(null),
                string(jwt, member).orElse(null),
                granted,
                scopes);
    }

    private static Optional<Role> parse(String name) {
        try {
            return Optional.of(Role.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> string(Jwt jwt, String name) {
        return Optional.ofNullable(claim(jwt, name)).map(Object::toString).filter(s -> !s.isBlank());
    }

    private static Stream<String> strings(Jwt jwt, String name) {
        Object value = claim(jwt, name);
        if (value instanceof Collection<?> values) {
            return values.stream().map(Object::toString);
        }
        if (value instanceof String text) {
            return Stream.of(text.split(" ")).filter(s -> !s.isBlank());
        }
        return Stream.empty();
    }

    private static Object claim(Jwt jwt, String name) {
        List<String> steps = List.of(name.split("\\."));
        Object value = jwt.getClaims();
        for (String step : steps) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(step);
        }
        return value;
    }
}
