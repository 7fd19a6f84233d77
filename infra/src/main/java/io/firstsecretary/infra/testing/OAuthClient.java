package io.firstsecretary.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets access tokens from the platform's authorization server the way its clients do: a system with
 * client credentials, a person through the login form with the authorization code and PKCE.
 */
public final class OAuthClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String issuer;

    public OAuthClient(String issuer) {
        this.issuer = issuer;
    }

    /** A client-credentials token, or {@link Refused} with the server's answer. */
    public Token clientCredentials(String clientId, String secret, String... scopes) {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "client_credentials");
        if (scopes.length > 0) {
            form.put("scope", String.join(" ", scopes));
        }
        var request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        return token(request, form);
    }

    /** A supplier of fresh client-credentials tokens, each reused until shortly before it lapses. */
    public Supplier<String> tokens(String clientId, String secret) {
        return new Supplier<>() {
            private Token current;

            @Override
            public synchronized String get() {
                if (current == null || Instant.now().plusSeconds(60).isAfter(current.expiresAt())) {
                    current = clientCredentials(clientId, secret);
                }
                return current.accessToken();
            }
        };
    }

    /**
     * Logs a person in through the login form: the authorization request, the form, the code
     * exchanged with its PKCE verifier. {@link Refused} when the form does not accept the login.
     */
    public Token login(String clientId, String redirectUri, String username, String password) {
        var http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String authorize = issuer + "/oauth2/authorize?"
                + form(Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        clientId,
                        "redirect_uri",
                        redirectUri,
                        "scope",
                        "openid profile",
                        "state",
                        "s" + RANDOM.nextInt(1_000_000),
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256"));
        var toLogin = send(http, HttpRequest.newBuilder(URI.create(authorize)).header("Accept", "text/html"));
        var page = send(http, HttpRequest.newBuilder(resolve(authorize, location(toLogin))));
        var csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new Refused(page.statusCode(), "no login form: " + page.body());
        }
        var submitted = send(
                http,
                HttpRequest.newBuilder(URI.create(issuer + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", username, "password", password, "_csrf", csrf.group(1))))));
        String next = location(submitted);
        if (next.contains("/login?error")) {
            throw new Refused(401, "login refused for " + username);
        }
        var callback = send(http, HttpRequest.newBuilder(resolve(issuer + "/login", next)));
        String redirect = location(callback);
        var code = Pattern.compile("[?&]code=([^&]+)").matcher(redirect);
        if (!redirect.startsWith(redirectUri) || !code.find()) {
            throw new Refused(callback.statusCode(), "no code in " + redirect);
        }
        var exchange = new LinkedHashMap<String, String>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8));
        exchange.put("redirect_uri", redirectUri);
        exchange.put("client_id", clientId);
        exchange.put("code_verifier", verifier);
        return token(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token")), exchange);
    }

    private Token token(HttpRequest.Builder request, Map<String, String> form) {
        var response = send(
                HttpClient.newHttpClient(),
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(form))));
        if (response.statusCode() != 200) {
            throw new Refused(response.statusCode(), response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return new Token(
                body.path("access_token").asString(),
                Instant.now().plusSeconds(body.path("expires_in").asLong(300)),
                body.path("id_token").asString(null));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new Refused(response.statusCode(), "expected a redirect: " + response.body()));
    }

    private static URI resolve(String base, String location) {
        return URI.create(base).resolve(location);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** An access token, when it lapses, and the ID token of a person's login. */
    public record Token(String accessToken, Instant expiresAt, String idToken) {}

    /** The server did not give a token: its status and answer. */
    public static final class Refused extends RuntimeException {

        private final int status;

        public Refused(int status, String answer) {
            super(status + ": " + answer);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
