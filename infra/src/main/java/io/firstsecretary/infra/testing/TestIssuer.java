package io.firstsecretary.infra.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A token issuer for a service tested on its own: an RSA key published as a JWKS over HTTP on
 * loopback, and signed tokens with the platform's claims. The service verifies them exactly as it
 * verifies the identity service's (signature from the JWKS, issuer, audience, expiry); the
 * end-to-end tests use the identity service itself.
 */
public final class TestIssuer implements AutoCloseable {

    private static TestIssuer shared;

    private final RSAKey key;
    private final HttpServer server;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    /** One issuer for the whole test JVM. */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-issuer-stop"));
        }
        return shared;
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String jwkSetUri() {
        return issuer() + "/oauth2/jwks";
    }

    /** The settings that make a service trust this issuer, for a test's dynamic properties. */
    public Map<String, String> properties() {
        return Map.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri());
    }

    /** The platform operator's token: every bureau, every scope. */
    public Supplier<String> operator() {
        return () -> token(Claims.client("platform", null).roles("PLATFORM_OPERATOR"));
    }

    /** An office's token for {@code bureau}. */
    public Supplier<String> office(String bureau) {
        return () -> token(Claims.client(bureau + "-office", bureau).roles("PARTY_BUILDING_OFFICE"));
    }

    /** A person's token: the member of {@code bureau} with {@code roles}. */
    public Supplier<String> person(String member, String bureau, String... roles) {
        return () -> token(Claims.person(member, bureau).roles(roles));
    }

    public String token(Claims claims) {
        return token(claims, issuer());
    }

    /** A token naming {@code issuer} as its issuer but signed with this issuer's key: a forgery. */
    public String token(Claims claims, String issuer) {
        var builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(claims.subject())
                .audience(claims.audience())
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(Instant.now().plus(claims.lifetime())))
                .claim("roles", claims.roles());
        if (claims.bureau() != null) {
            builder.claim("bureau", claims.bureau());
        }
        if (claims.member() != null) {
            builder.claim("member", claims.member());
        }
        if (!claims.scopes().isEmpty()) {
            builder.claim("scope", claims.scopes());
        }
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), builder.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** What a token says; {@code lifetime} may be negative for one that has lapsed. */
    public record Claims(
            String subject,
            String bureau,
            String member,
            List<String> roles,
            List<String> scopes,
            String audience,
            Duration lifetime) {

        public static Claims client(String clientId, String bureau) {
            return new Claims(clientId, bureau, null, List.of(), List.of(), "firstsec", Duration.ofMinutes(30));
        }

        public static Claims person(String member, String bureau) {
            return new Claims(member, bureau, member, List.of(), List.of(), "firstsec", Duration.ofMinutes(30));
        }

        public Claims roles(String... roles) {
            return new Claims(subject, bureau, member, List.of(roles), scopes, audience, lifetime);
        }

        public Claims scopes(String... scopes) {
            return new Claims(subject, bureau, member, roles, List.of(scopes), audience, lifetime);
        }

        public Claims audience(String audience) {
            return new Claims(subject, bureau, member, roles, scopes, audience, lifetime);
        }

        public Claims lifetime(Duration lifetime) {
            return new Claims(subject, bureau, member, roles, scopes, audience, lifetime);
        }
    }
}
