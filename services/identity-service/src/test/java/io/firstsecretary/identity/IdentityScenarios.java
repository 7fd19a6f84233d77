package io.firstsecretary.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.firstsecretary.contracts.Events;
import io.firstsecretary.contracts.organisation.BureauRegistered;
import io.firstsecretary.contracts.organisation.FirstSecretaryAssigned;
import io.firstsecretary.contracts.organisation.MemberChanged;
import io.firstsecretary.contracts.organisation.MemberRegistered;
import io.firstsecretary.infra.FreePorts;
import io.firstsecretary.infra.testing.ApiClient;
import io.firstsecretary.infra.testing.ApiDocumentLint;
import io.firstsecretary.infra.testing.OAuthClient;
import io.firstsecretary.infra.testing.TopicProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identity service against a real broker and store: a demo tree of a city bureau and two
 * counties arrives on the organisation topic, and the installation gives each office a client and
 * each member holding a role a login. Subclasses say which broker and store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IdentityScenarios {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final int PORT = FreePorts.next();
    static final String ISSUER = "http://127.0.0.1:" + PORT;
    static final String MANAGEMENT = "http://127.0.0.1:" + FreePorts.next();
    static final String REDIRECT = "http://127.0.0.1:1/login/oauth2/code/identity";
    static final Path DATA = temporary();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WAIT = Duration.ofSeconds(60);

    static final String CITY = "city" + RUN;
    static final String COUNTY_A = "a" + RUN;
    static final String COUNTY_B = "b" + RUN;
    static final String OFFICE_CLERK = "clerk" + RUN;
    static final String SECRETARY = "fs" + RUN;
    static final String LEAVER = "bs" + RUN;
    static final String PLAIN = "m" + RUN;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    TopicProbe topics;
    OAuthClient oauth;
    ApiClient api;
    JsonNode credentials;

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("management.server.port", () -> MANAGEMENT.substring(MANAGEMENT.lastIndexOf(':') + 1));
        registry.add("firstsec.identity.issuer", () -> ISSUER);
        registry.add(
                "firstsec.identity.credentials-file",
                () -> DATA.resolve("demo-credentials.json").toString());
        registry.add("firstsec.identity.console.redirect-uris", () -> REDIRECT);
        registry.add("firstsec.demo.enabled", () -> "true");
        registry.add("firstsec.demo.root", () -> CITY);
    }

    @BeforeAll
    void directory() throws Exception {
        topics = new TopicProbe(bootstrapServers);
        oauth = new OAuthClient(ISSUER);
        bureau(CITY, null, List.of(CITY));
        bureau(COUNTY_A, CITY, List.of(CITY, COUNTY_A));
        bureau(COUNTY_B, CITY, List.of(CITY, COUNTY_B));
        member(CITY, List.of(CITY), OFFICE_CLERK, List.of("PARTY_BUILDING_OFFICE", "MEMBER"));
        member(COUNTY_A, List.of(CITY, COUNTY_A), SECRETARY, List.of("COMMITTEE_MEMBER"));
        member(COUNTY_A, List.of(CITY, COUNTY_A), LEAVER, List.of("BRANCH_SECRETARY"));
        member(COUNTY_A, List.of(CITY, COUNTY_A), PLAIN, List.of("MEMBER"));
        topics.publish(
                Events.FIRST_SECRETARY_ASSIGNED,
                COUNTY_A,
                id(),
                COUNTY_A,
                new FirstSecretaryAssigned(
                        COUNTY_A,
                        List.of(CITY, COUNTY_A),
                        "t-" + SECRETARY,
                        SECRETARY,
                        "张强",
                        "zgnf",
                        LocalDate.of(2026, 1, 1),
                        null));
        Path file = DATA.resolve("demo-credentials.json");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(file).exists();
            var read = JSON.readTree(Files.readString(file));
            assertThat(read.path("clients").has(COUNTY_B)).isTrue();
            assertThat(read.path("users").findValuesAsString("username")).contains(SECRETARY, LEAVER, OFFICE_CLERK);
            var secretary = user(read, SECRETARY);
            assertThat(secretary.path("roles").toString()).contains("FIRST_SECRETARY");
        });
        credentials = JSON.readTree(Files.readString(file));
        api = new ApiClient(ISSUER, oauth.tokens(clientId(COUNTY_A), secret(COUNTY_A)));
    }

    @AfterAll
    void close() {
        topics.close();
    }

    @Test
    void theCredentialsFileNamesTheIssuerAndHoldsNoPlainMember() {
        assertThat(credentials.path("issuer").asString()).isEqualTo(ISSUER);
        assertThat(credentials.path("tokenEndpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(credentials.path("clients").has("platform")).isTrue();
        assertThat(credentials.path("clients").has(CITY)).isTrue();
        assertThat(credentials.path("users").findValuesAsString("username")).doesNotContain(PLAIN);
        assertThat(user(credentials, OFFICE_CLERK).path("bureau").asString()).isEqualTo(CITY);
    }

    @Test
    void anOfficeClientsTokenCarriesItsBureauAndRoleForThePlatformsAudience() throws Exception {
        var token = oauth.clientCredentials(clientId(COUNTY_A), secret(COUNTY_A));
        var claims = SignedJWT.parse(token.accessToken()).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly("firstsec");
        assertThat(claims.getStringClaim("bureau")).isEqualTo(COUNTY_A);
        assertThat(claims.getStringListClaim("roles")).containsExactly("PARTY_BUILDING_OFFICE");
    }

    @Test
    void aWrongSecretGetsNoToken() {
        assertThatThrownBy(() -> oauth.clientCredentials(clientId(COUNTY_A), "not-the-secret"))
                .isInstanceOfSatisfying(
                        OAuthClient.Refused.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void anAnonymousCallIs401ProblemJsonWithAChallenge() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(ISSUER + "/api/v1/bureaus/" + COUNTY_A + "/clients"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    @Test
    void aTokenSignedByAnotherIssuerOrTamperedWithIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        var forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("stranger").build(),
                new JWTClaimsSet.Builder()
                        .issuer("http://127.0.0.1:1")
                        .subject("intruder")
                        .audience("firstsec")
                        .claim("roles", List.of("PLATFORM_OPERATOR"))
                        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                        .build());
        forged.sign(new RSASSASigner(stranger));
        assertThat(api.as(forged::serialize).get(clientsOf(COUNTY_A)).status()).isEqualTo(401);

        String genuine =
                oauth.clientCredentials(clientId(COUNTY_A), secret(COUNTY_A)).accessToken();
        String[] parts = genuine.split("\\.");
        var payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        ((tools.jackson.databind.node.ObjectNode) payload).put("bureau", CITY);
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(payload)) + "."
                + parts[2];
        assertThat(api.as(() -> tampered).get(clientsOf(CITY)).status()).isEqualTo(401);
        assertThat(api.as(() -> genuine).get(clientsOf(COUNTY_A)).status()).isEqualTo(200);
    }

    @Test
    void anOfficeReachesItsSubtreeAndNothingBesideOrAbove() {
        var county = api;
        var city = api.as(oauth.tokens(clientId(CITY), secret(CITY)));
        assertThat(county.get(clientsOf(COUNTY_A)).status()).isEqualTo(200);
        assertThat(county.get(clientsOf(COUNTY_B)).status()).isEqualTo(404);
        assertThat(county.get(clientsOf(CITY)).status()).isEqualTo(404);
        assertThat(county.get(clientsOf("nowhere" + RUN)).status()).isEqualTo(404);
        assertThat(county.post(clientsOf(COUNTY_B), "{\"name\":\"OA\",\"scopes\":[\"events:read\"]}")
                        .status())
                .isEqualTo(404);
        assertThat(city.get(clientsOf(COUNTY_A)).status()).isEqualTo(200);
        assertThat(city.get(clientsOf(COUNTY_B)).status()).isEqualTo(200);
    }

    @Test
    void anIntegrationClientIsCreatedShownOnceListedWithoutSecretAndRevoked() throws Exception {
        var created =
                api.post(clientsOf(COUNTY_A), "{\"name\":\"OA 系统\",\"scopes\":[\"events:read\",\"directory:read\"]}");
        assertThat(created.status()).isEqualTo(201);
        String clientId = created.body().path("clientId").asString();
        String secret = created.body().path("clientSecret").asString();
        assertThat(secret).hasSizeGreaterThan(30);
        assertThat(created.body().path("createdBy").asString()).isEqualTo(clientId(COUNTY_A));

        var listed = api.get(clientsOf(COUNTY_A));
        assertThat(listed.body().path("items").findValuesAsString("clientId")).contains(clientId);
        assertThat(listed.body().toString()).doesNotContain(secret).doesNotContain("secretHash");

        var token = SignedJWT.parse(oauth.clientCredentials(clientId, secret).accessToken())
                .getJWTClaimsSet();
        assertThat(token.getStringClaim("bureau")).isEqualTo(COUNTY_A);
        assertThat(token.getStringListClaim("scope")).containsExactlyInAnyOrder("events:read", "directory:read");
        var integration = api.as(oauth.tokens(clientId, secret));
        assertThat(integration.get(clientsOf(COUNTY_A)).status())
                .as("an integration manages no clients")
                .isEqualTo(403);

        assertThat(api.delete(clientsOf(COUNTY_A) + "/" + clientId).status()).isEqualTo(204);
        assertThatThrownBy(() -> oauth.clientCredentials(clientId, secret))
                .isInstanceOfSatisfying(
                        OAuthClient.Refused.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThat(api.get(clientsOf(COUNTY_A) + "/" + clientId)
                        .body()
                        .path("revokedAt")
                        .isMissingNode())
                .isFalse();
    }

    @Test
    void aClientIsGrantedOnlyScopesItsCreatorHoldsAndMayBeGiven() {
        var operatorScope = api.post(clientsOf(COUNTY_A), "{\"name\":\"x\",\"scopes\":[\"operate\"]}");
        assertThat(operatorScope.status()).isEqualTo(422);
        assertThat(operatorScope.body().path("errors").get(0).path("field").asString())
                .isEqualTo("scopes[0]");
        var unknown = api.post(clientsOf(COUNTY_A), "{\"name\":\"\",\"scopes\":[\"everything\"]}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().path("errors").findValuesAsString("field")).containsExactly("name", "scopes[0]");
    }

    @Test
    void anAuditorsClientReadsAndItsTokensLiveAsLongAsItsOfficeSaid() throws Exception {
        var created = api.post(clientsOf(COUNTY_A), """
                {"name":"审计系统","roles":["AUDITOR"],"tokenLifetime":"PT5M"}""");
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        var claims = SignedJWT.parse(oauth.clientCredentials(
                                created.body().path("clientId").asString(),
                                created.body().path("clientSecret").asString())
                        .accessToken())
                .getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("AUDITOR");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
                .isEqualTo(300_000);

        var office = api.post(clientsOf(COUNTY_A), """
                {"name":"x","roles":["PARTY_BUILDING_OFFICE"],"tokenLifetime":"P1D"}""");
        assertThat(office.status()).isEqualTo(422);
        assertThat(office.body().path("errors").findValuesAsString("field"))
                .containsExactly("roles[0]", "tokenLifetime", "scopes");
    }

    @Test
    void anOfficeGivesAMemberOfItsSubtreeAPasswordAndNobodyElse() {
        String logins = "/api/v1/bureaus/" + COUNTY_A + "/logins/";
        assertThatThrownBy(() -> oauth.login("console", REDIRECT, PLAIN, "no-password-yet"))
                .isInstanceOf(OAuthClient.Refused.class);
        assertThat(api.post("/api/v1/bureaus/" + COUNTY_B + "/logins/" + PLAIN, "{}")
                        .status())
                .as("a sibling's bureau")
                .isEqualTo(404);
        assertThat(api.post(logins + OFFICE_CLERK, "{}").status())
                .as("a member of the parent bureau")
                .isEqualTo(404);
        assertThat(api.anonymous().post(logins + PLAIN, "{}").status()).isEqualTo(401);

        var city = api.as(oauth.tokens(clientId(CITY), secret(CITY)));
        var issued = city.post(logins + PLAIN, "{}");
        assertThat(issued.status()).as("%s", issued.body()).isEqualTo(201);
        assertThat(issued.body().path("username").asString()).isEqualTo(PLAIN);
        assertThat(issued.body().path("roles").toString()).isEqualTo("[\"MEMBER\"]");
        String first = issued.body().path("password").asString();
        assertThat(oauth.login("console", REDIRECT, PLAIN, first).accessToken()).isNotBlank();

        String second = api.post(logins + PLAIN, "{}").body().path("password").asString();
        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> oauth.login("console", REDIRECT, PLAIN, first))
                .isInstanceOf(OAuthClient.Refused.class);
        assertThat(oauth.login("console", REDIRECT, PLAIN, second).accessToken())
                .isNotBlank();
    }

    @Test
    void aPersonLogsInWithTheCodeFlowAndPkceAndTheTokenSaysWhoAndWhere() throws Exception {
        var token = oauth.login("console", REDIRECT, SECRETARY, password(SECRETARY));
        var claims = SignedJWT.parse(token.accessToken()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(SECRETARY);
        assertThat(claims.getStringClaim("member")).isEqualTo(SECRETARY);
        assertThat(claims.getStringClaim("bureau")).isEqualTo(COUNTY_A);
        assertThat(claims.getStringListClaim("roles")).containsExactlyInAnyOrder("FIRST_SECRETARY", "MEMBER");
        assertThat(token.idToken()).isNotBlank();
        assertThat(api.as(token::accessToken).get(clientsOf(COUNTY_A)).status())
                .as("a first secretary manages no clients")
                .isEqualTo(403);

        assertThatThrownBy(() -> oauth.login("console", REDIRECT, SECRETARY, "wrong-password"))
                .isInstanceOf(OAuthClient.Refused.class);
        assertThatThrownBy(() -> oauth.login("console", "http://evil.example/cb", SECRETARY, password(SECRETARY)))
                .isInstanceOf(OAuthClient.Refused.class);
    }

    @Test
    void aMemberWhoLeavesCanNoLongerLogIn() {
        assertThat(oauth.login("console", REDIRECT, LEAVER, password(LEAVER)).accessToken())
                .isNotBlank();
        topics.publish(
                Events.MEMBER_LEFT,
                COUNTY_A,
                id(),
                COUNTY_A,
                new MemberChanged(
                        COUNTY_A,
                        List.of(CITY, COUNTY_A),
                        LEAVER,
                        "李四",
                        LEAVER + "@example.com",
                        "13900000000",
                        List.of("BRANCH_SECRETARY"),
                        "zgnf",
                        null,
                        LocalDate.of(2000, 7, 1),
                        false,
                        LocalDate.of(2026, 8, 1),
                        null,
                        null,
                        "调离"));
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThatThrownBy(() -> oauth.login("console", REDIRECT, LEAVER, password(LEAVER)))
                                .isInstanceOf(OAuthClient.Refused.class));
    }

    @Test
    void theOperatorRotatesTheSigningKeyAndTokensAlreadyIssuedStillVerify() throws Exception {
        var operator = new ApiClient(MANAGEMENT, oauth.tokens(clientId("platform"), secret("platform")));
        String before =
                oauth.clientCredentials(clientId(COUNTY_A), secret(COUNTY_A)).accessToken();
        assertThat(operator.as(oauth.tokens(clientId(COUNTY_A), secret(COUNTY_A)))
                        .get("/actuator/signingkeys")
                        .status())
                .as("an office may not rotate keys")
                .isEqualTo(403);
        assertThat(operator.anonymous().get("/actuator/signingkeys").status()).isEqualTo(401);
        assertThat(operator.anonymous().get("/actuator/health/readiness").status())
                .isEqualTo(200);
        assertThat(api.get("/actuator/signingkeys").status())
                .as("the actuator is not on the service's own port")
                .isNotEqualTo(200);
        var rotated = operator.post("/actuator/signingkeys", "{}");
        assertThat(rotated.status()).isEqualTo(200);
        String kid = rotated.body().path("signing").asString();
        var jwks = new ApiClient(ISSUER).get("/oauth2/jwks");
        assertThat(jwks.body().path("keys").findValuesAsString("kid"))
                .contains(kid)
                .hasSizeGreaterThan(1);
        assertThat(jwks.body().toString()).doesNotContain("\"d\"");
        String after =
                oauth.clientCredentials(clientId(COUNTY_A), secret(COUNTY_A)).accessToken();
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(kid);
        assertThat(api.as(() -> before).get(clientsOf(COUNTY_A)).status()).isEqualTo(200);
        assertThat(api.as(() -> after).get(clientsOf(COUNTY_A)).status()).isEqualTo(200);
    }

    @Test
    void theLoginPageSpeaksChinese() {
        var page = new ApiClient(ISSUER).download("/login");
        assertThat(page.status()).isEqualTo(200);
        assertThat(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("党员编号")
                .contains("登录");
    }

    private void bureau(String code, String parent, List<String> path) {
        topics.publish(
                Events.BUREAU_REGISTERED,
                code,
                id(),
                code,
                new BureauRegistered(code, "测试局" + code, parent == null ? "MUNICIPAL" : "COUNTY", parent, path));
    }

    private void member(String bureau, List<String> path, String id, List<String> roles) {
        topics.publish(
                Events.MEMBER_REGISTERED,
                bureau,
                id(),
                bureau,
                new MemberRegistered(
                        bureau,
                        path,
                        id,
                        "党员" + id,
                        id + "@example.com",
                        "13900000000",
                        roles,
                        "zgnf",
                        null,
                        LocalDate.of(2000, 7, 1)));
    }

    private String clientId(String key) {
        return credentials.path("clients").path(key).path("clientId").asString();
    }

    private String secret(String key) {
        return credentials.path("clients").path(key).path("clientSecret").asString();
    }

    private String password(String username) {
        return user(credentials, username).path("password").asString();
    }

    private static JsonNode user(JsonNode credentials, String username) {
        for (var user : credentials.path("users")) {
            if (user.path("username").asString().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("No user " + username + " in the credentials file");
    }

    private static String clientsOf(String bureau) {
        return "/api/v1/bureaus/" + bureau + "/clients";
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static Path temporary() {
        try {
            return Files.createTempDirectory("identity-it");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Swagger UI at the gateway's address redeems its code from the browser; no other origin may. */
    @Test
    void theTokenEndpointAnswersTheConsolesOriginAlone() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        for (String origin : List.of("http://127.0.0.1:8080", "http://evil.example")) {
            var preflight = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(ISSUER + "/oauth2/token"))
                            .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                            .header("Origin", origin)
                            .header("Access-Control-Request-Method", "POST")
                            .header("Access-Control-Request-Headers", "content-type")
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            var allowed = preflight.headers().firstValue("Access-Control-Allow-Origin");
            if (origin.contains("evil")) {
                assertThat(allowed).as(origin).isEmpty();
            } else {
                assertThat(preflight.statusCode()).isEqualTo(200);
                assertThat(allowed).contains(origin);
            }
        }
    }

    /** The document integrators read says what the API does, and how to get a token for it. */
    @Test
    void theApiDocumentTellsTheTruth() {
        var document = api.get("/v3/api-docs");

        assertThat(ApiDocumentLint.problems(document.body(), "http://127.0.0.1:8080"))
                .isEmpty();
        assertThat(document.body()
                        .at("/components/securitySchemes/oauth2/flows/clientCredentials/tokenUrl")
                        .asString())
                .isEqualTo(ISSUER + "/oauth2/token");
    }
}
