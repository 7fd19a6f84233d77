package io.firstsecretary.infra.testing;

import io.firstsecretary.infra.platform.RunningPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The secrets an installation wrote to its credentials file, turned into tokens from its identity
 * service: the operator's {@code platform} client, a bureau's office client, a person's login. The
 * file is read again on each question, since the office clients and logins of the demo
 * organisation appear as the directory reaches the identity service.
 */
public final class PlatformCredentials {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final OAuthClient oauth;

    public PlatformCredentials(Path file, String issuer) {
        this.file = file;
        this.oauth = new OAuthClient(issuer);
    }

    public static PlatformCredentials of(RunningPlatform platform) {
        return new PlatformCredentials(platform.credentialsFile(), platform.issuer());
    }

    /** Tokens of the platform operator, who acts on every bureau. */
    public Supplier<String> operator() {
        return client("platform");
    }

    /** Tokens of a client in the file: {@code platform}, or the office client of a demo bureau. */
    public Supplier<String> client(String name) {
        JsonNode client = read().path("clients").path(name);
        if (client.isMissingNode()) {
            throw new IllegalStateException("No client " + name + " in " + file);
        }
        return oauth.tokens(
                client.path("clientId").asString(), client.path("clientSecret").asString());
    }

    /** Whether the file holds the office client of {@code bureau} yet. */
    public boolean hasClient(String name) {
        return read().path("clients").has(name);
    }

    /** The demo logins: username, password, member, bureau, roles. */
    public JsonNode users() {
        return read().path("users");
    }

    public OAuthClient oauth() {
        return oauth;
    }

    public JsonNode read() {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the credentials file " + file, e);
        }
    }
}
