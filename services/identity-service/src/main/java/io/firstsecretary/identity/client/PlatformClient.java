package io.firstsecretary.identity.client;

import io.firstsecretary.kit.security.Role;
import io.firstsecretary.kit.security.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * A system that logs in with client credentials: the operator's {@code platform} client, a bureau
 * office's client, or an integration its office created. Only a hash of the secret is kept.
 *
 * @param bureau the bureau the client acts for; absent for the platform operator's client
 * @param roles what the client is (an office, the operator); an integration has scopes alone
 * @param createdBy who created it: a member, a client, or {@code installation}
 * @param revokedAt when its office revoked it; a revoked client gets no token
 * @param tokenLifetime how long its access tokens live; absent for the installation's setting
 */
public record PlatformClient(
        @Id String clientId,
        String name,
        String bureau,
        List<Role> roles,
        List<Scope> scopes,
        String secretHash,
        String createdBy,
        Instant createdAt,
        Instant revokedAt,
        Duration tokenLifetime) {

    public PlatformClient {
        roles = roles == null ? List.of() : List.copyOf(roles);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** As the API shows it: never the secret or its hash. */
    public View view() {
        return new View(
                clientId,
                name,
                bureau,
                roles,
                scopes.stream().map(Scope::value).toList(),
                createdBy,
                createdAt,
                revokedAt,
                tokenLifetime);
    }

    public record View(
            String clientId,
            String name,
            String bureau,
            List<Role> roles,
            List<String> scopes,
            String createdBy,
            Instant createdAt,
            Instant revokedAt,
            Duration tokenLifetime) {}
}
