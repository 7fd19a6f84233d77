package io.firstsecretary.identity.client;

import io.firstsecretary.kit.security.Role;
import io.firstsecretary.kit.security.Scope;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The systems that log in with client credentials, kept in the identity service's own store so
 * they survive a restart. The authorization server finds them here; a revoked client is not found.
 */
@Component
public class Clients implements RegisteredClientRepository {

    public static final String BUREAU_SETTING = "firstsec.bureau";
    public static final String ROLES_SETTING = "firstsec.roles";

    static final String COLLECTION = "clients";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final RegisteredClient console;
    private final RegisteredClient apiDocs;

    Clients(
            MongoTemplate mongo,
            PasswordEncoder passwords,
            Clock clock,
            @Value("${firstsec.identity.access-token-lifetime:30m}") Duration tokenLifetime,
            @Value("${firstsec.identity.console.client-id:console}") String consoleClientId,
            @Value("${firstsec.identity.console.redirect-uris:http://127.0.0.1:8080/login/oauth2/code/identity}")
                    List<String> consoleRedirectUris,
            @Value("${firstsec.identity.console.post-logout-redirect-uris:http://127.0.0.1:8080/}")
                    List<String> consolePostLogoutRedirectUris,
            @Value("${firstsec.identity.api-docs.client-id:api-docs}") String apiDocsClientId,
            @Value("${firstsec.identity.api-docs.redirect-uris:http://127.0.0.1:8080/api-docs/oauth2-redirect.html}")
                    List<String> apiDocsRedirectUris) {
        this.mongo = mongo;
        this.passwords = passwords;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.console = console(consoleClientId, consoleRedirectUris, consolePostLogoutRedirectUris, tokenLifetime);
        this.apiDocs = apiDocs(apiDocsClientId, apiDocsRedirectUris, tokenLifetime);
    }

    /**
     * The console, where people log in: a public client (a browser keeps no secret) that must prove
     * its code with PKCE, and may only send people back to its own addresses.
     */
    private static RegisteredClient console(
            String clientId, List<String> redirectUris, List<String> postLogoutRedirectUris, Duration tokenLifetime) {
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientName("第一书记工作平台")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(redirectUris))
                .postLogoutRedirectUris(uris -> uris.addAll(postLogoutRedirectUris))
                .scope("openid")
                .scope("profile")
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(tokenLifetime)
                        .build())
                .build();
    }

    /**
     * Swagger UI of the API, where a person tries an operation with a token of his own: a public
     * client like the console, sending the token back only to the page that asked for it.
     */
    private static RegisteredClient apiDocs(String clientId, List<String> redirectUris, Duration tokenLifetime) {
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientName("第一书记工作平台 API 文档")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(redirectUris))
                .scope("openid")
                .scope("profile")
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(tokenLifetime)
                        .build())
                .build();
    }

    /** Creates a client and answers its secret, which is shown this once and kept only as a hash. */
    public Created create(
            String clientId,
            String name,
            String bureau,
            List<Role> roles,
            List<Scope> scopes,
            String createdBy,
            Duration tokenLifetime) {
        return create(clientId, name, bureau, roles, scopes, createdBy, newSecret(), tokenLifetime);
    }

    /** Creates a client with a secret made beforehand, for a caller that must keep it first. */
    public Created create(
            String clientId,
            String name,
            String bureau,
            List<Role> roles,
            List<Scope> scopes,
            String createdBy,
            String secret,
            Duration tokenLifetime) {
        var client = new PlatformClient(
                clientId,
                name,
                bureau,
                roles,
                scopes,
                passwords.encode(secret),
                createdBy,
                clock.instant(),
                null,
                tokenLifetime);
        mongo.insert(client, COLLECTION);
        return new Created(client, secret);
    }

    public Optional<PlatformClient> find(String clientId) {
        return Optional.ofNullable(mongo.findById(clientId, PlatformClient.class, COLLECTION));
    }

    public boolean exists(String clientId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(clientId)), COLLECTION);
    }

    public List<PlatformClient> ofBureau(String bureau, int page, int size) {
        return mongo.find(
                Query.query(Criteria.where("bureau").is(bureau))
                        .with(Sort.by("_id"))
                        .skip((long) page * size)
                        .limit(size),
                PlatformClient.class,
                COLLECTION);
    }

    public long countOfBureau(String bureau, boolean activeOnly) {
        var query = Query.query(Criteria.where("bureau").is(bureau));
        if (activeOnly) {
            query.addCriteria(Criteria.where("revokedAt").is(null));
        }
        return mongo.count(query, COLLECTION);
    }

    public void revoke(String clientId) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(clientId).and("revokedAt").is(null)),
                new Update().set("revokedAt", clock.instant()),
                COLLECTION);
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("Clients are created through the bureau's clients API");
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        if (console.getClientId().equals(clientId)) {
            return console;
        }
        if (apiDocs.getClientId().equals(clientId)) {
            return apiDocs;
        }
        return find(clientId).filter(c -> !c.revoked()).map(this::registered).orElse(null);
    }

    private RegisteredClient registered(PlatformClient client) {
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientIdIssuedAt(client.createdAt())
                .clientSecret(client.secretHash())
                .clientName(client.name())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> client.scopes().forEach(s -> scopes.add(s.value())))
                .clientSettings(ClientSettings.builder()
                        .setting(BUREAU_SETTING, client.bureau() == null ? "" : client.bureau())
                        .setting(
                                ROLES_SETTING,
                                client.roles().stream().map(Role::name).toList())
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(client.tokenLifetime() == null ? tokenLifetime : client.tokenLifetime())
                        .build())
                .build();
    }

    /** A new secret: 256 random bits. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A client just created, with its secret in clear for the one answer that shows it. */
    public record Created(PlatformClient client, String secret) {}
}
