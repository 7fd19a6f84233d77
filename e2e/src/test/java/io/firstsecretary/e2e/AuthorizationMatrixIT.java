package io.firstsecretary.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firstsecretary.infra.platform.PlatformOptions;
import io.firstsecretary.infra.platform.RunningPlatform;
import io.firstsecretary.infra.testing.ApiClient;
import io.firstsecretary.infra.testing.OAuthClient;
import io.firstsecretary.infra.testing.PlatformCredentials;
import io.firstsecretary.infra.testing.TestIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization matrix: every operation of every service's OpenAPI, called through the gateway
 * by every kind of caller on every kind of bureau, against the answer the roles table gives. The
 * callers hold real tokens from the embedded identity service: the operator's client, people who
 * logged in through the form (an office clerk, a first secretary, a branch secretary, a member), an
 * auditor's client and an integration client. The bureaus are the callers' own, its child, its
 * parent and its sibling. Four callers hold no valid token: none at all, one that lapsed, one
 * signed by another issuer in this issuer's name, one whose claims were changed after signing.
 *
 * <p>The expected answers below restate the roles table of {@code docs/security.md} on their own,
 * without the platform's code: a scope the caller lacks is 403, a bureau outside the caller's reach
 * is 404 (as if it did not exist), anything else is the operation's own answer, never 401 or 403.
 */
class AuthorizationMatrixIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String ROOT = "mxroot";
    private static final String OWN = "mxown";
    private static final String CHILD = "mxchild";
    private static final String SIBLING = "mxsib";
    /** Any other path variable: an id nothing has. */
    private static final String NONE = "00000000-0000-0000-0000-000000000000";

    /** Where a bureau lies from the callers' own bureau. */
    enum Relation {
        OWN(AuthorizationMatrixIT.OWN),
        CHILD(AuthorizationMatrixIT.CHILD),
        PARENT(ROOT),
        SIBLING(AuthorizationMatrixIT.SIBLING);

        final String bureau;

        Relation(String bureau) {
            this.bureau = bureau;
        }
    }

    /** How far a caller reaches: the roles table's third column. */
    enum Reach {
        OWN_BUREAU,
        SUBTREE,
        EVERY_BUREAU
    }

    /** A kind of caller with the scopes and reach the roles table gives it; member for a person. */
    record Kind(String name, Set<String> scopes, Reach reach, String member) {}

    static final Set<String> ALL = Set.of(
            "events:read",
            "directory:read",
            "directory:write",
            "activities:read",
            "activities:write",
            "assessment:read",
            "assessment:write",
            "notifications:manage",
            "clients:manage",
            "self",
            "operate");
    static final Set<String> OFFICE =
            ALL.stream().filter(s -> !s.equals("operate")).collect(Collectors.toSet());
    static final Set<String> SECRETARY =
            Set.of("directory:read", "activities:read", "activities:write", "assessment:read", "self");

    static final List<Kind> KINDS = List.of(
            new Kind("PLATFORM_OPERATOR", ALL, Reach.EVERY_BUREAU, null),
            new Kind("PARTY_BUILDING_OFFICE", OFFICE, Reach.SUBTREE, OWN + "-office"),
            new Kind(
                    "AUDITOR",
                    Set.of("events:read", "directory:read", "activities:read", "assessment:read"),
                    Reach.SUBTREE,
                    null),
            new Kind("FIRST_SECRETARY", SECRETARY, Reach.OWN_BUREAU, OWN + "-fs"),
            new Kind("BRANCH_SECRETARY", SECRETARY, Reach.OWN_BUREAU, OWN + "-bs"),
            new Kind("MEMBER", Set.of("self"), Reach.OWN_BUREAU, OWN + "-m"),
            new Kind(
                    "INTEGRATION(events:read,directory:read)",
                    Set.of("events:read", "directory:read"),
                    Reach.SUBTREE,
                    null));

    static final List<String> INVALID = List.of("anonymous", "expired", "other issuer", "tampered");

    @TempDir
    static Path data;

    static RunningPlatform platform;
    static PlatformOptions options;
    static ApiClient operator;
    static final Map<String, Supplier<String>> tokens = new LinkedHashMap<>();

    @BeforeAll
    static void startPlatform() {
        options = PlatformOptions.onFreePorts(
                Path.of(".."),
                data,
                false,
                Map.of(
                        "FIRSTSEC_CLOCK_FIXED", "2026-08-03T02:00:00Z",
                        // so that the lapsed token is refused the moment it lapses
                        "FIRSTSEC_SECURITY_CLOCK_SKEW", "PT0S"));
        platform = RunningPlatform.start(options);
        var credentials = PlatformCredentials.of(platform);
        operator = new ApiClient(platform.gatewayUrl(), credentials.operator());
        organisation();
        var oauth = credentials.oauth();
        String redirect = platform.gatewayUrl() + "/login/oauth2/code/identity";
        tokens.put("PLATFORM_OPERATOR", credentials.operator());
        for (var kind : KINDS) {
            if (kind.member() != null) {
                var login = await().atMost(Duration.ofSeconds(60))
                        .until(
                                () -> operator.post("/api/v1/bureaus/" + OWN + "/logins/" + kind.member(), "{}"),
                                r -> r.status() == 201);
                String password = login.body().get("password").asString();
                var token = oauth.login("console", redirect, kind.member(), password);
                tokens.put(kind.name(), token::accessToken);
            }
        }
        tokens.put("AUDITOR", client(oauth, "{\"name\":\"审计\",\"roles\":[\"AUDITOR\"]}"));
        tokens.put(
                KINDS.get(6).name(),
                client(oauth, "{\"name\":\"OA 系统\",\"scopes\":[\"events:read\",\"directory:read\"]}"));
        tokens.put("expired", lapsed(oauth));
        String forged = TestIssuer.shared()
                .token(TestIssuer.Claims.client("platform", null).roles("PLATFORM_OPERATOR"), platform.issuer());
        tokens.put("other issuer", () -> forged);
        String tampered = tampered(tokens.get("PARTY_BUILDING_OFFICE").get());
        tokens.put("tampered", () -> tampered);
        tokens.put("anonymous", () -> null);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheRolesTableSays() throws Exception {
        var operations = operations();
        var answers = new TreeMap<String, Integer>();
        var violations = new ArrayList<String>();
        int crossTenant = 0;
        int cells = 0;
        for (var operation : operations) {
            List<Relation> relations =
                    operation.path().contains("{bureau}") ? List.of(Relation.values()) : List.of(Relation.OWN);
            for (Relation relation : relations) {
                for (var kind : KINDS) {
                    var expected = expected(operation, kind, relation);
                    int status = call(operation, relation, tokens.get(kind.name()));
                    cells++;
                    answers.merge(expected.label() + " " + status, 1, Integer::sum);
                    boolean outside = operation.path().contains("{bureau}") && !reaches(kind, relation);
                    if (outside && status < 300) {
                        crossTenant++;
                    }
                    if (!expected.matches(status)) {
                        violations.add(operation + " as " + kind.name() + " on " + relation + ": expected "
                                + expected.label() + ", answered " + status);
                    }
                }
                for (String invalid : INVALID) {
                    var expected = operation.isPublic() && invalid.equals("anonymous")
                            ? Expected.ANSWERED
                            : Expected.UNAUTHENTICATED;
                    int status = call(operation, relation, tokens.get(invalid));
                    cells++;
                    answers.merge(expected.label() + " " + status, 1, Integer::sum);
                    if (!expected.matches(status)) {
                        violations.add(operation + " " + invalid + " on " + relation + ": expected " + expected.label()
                                + ", answered " + status);
                    }
                }
            }
        }
        System.out.printf(
                "Authorization matrix: %d operations x %d callers x %d bureau relations = %d requests%n",
                operations.size(), KINDS.size() + INVALID.size(), Relation.values().length, cells);
        answers.forEach((answer, count) -> System.out.printf("  %-32s %6d%n", answer, count));
        System.out.printf("  cross-tenant reads or writes answered 2xx: %d%n", crossTenant);
        violations.forEach(v -> System.out.println("  VIOLATION " + v));
        assertThat(operations).hasSizeGreaterThan(60);
        assertThat(crossTenant).isZero();
        assertThat(violations).isEmpty();
    }

    /** The answer the roles table gives. */
    enum Expected {
        UNAUTHENTICATED(401),
        FORBIDDEN(403),
        NOT_FOUND(404),
        /** The operation's own answer: anything but a refusal of the caller or a server error. */
        ANSWERED(0);

        final int status;

        Expected(int status) {
            this.status = status;
        }

        boolean matches(int answered) {
            return status != 0 ? answered == status : answered != 401 && answered != 403 && answered < 500;
        }

        String label() {
            return status == 0 ? "allowed ->" : name() + " ->";
        }
    }

    static Expected expected(Operation operation, Kind kind, Relation relation) {
        if (operation.isPublic()) {
            return Expected.ANSWERED;
        }
        if (!kind.scopes().contains(operation.scope())) {
            return Expected.FORBIDDEN;
        }
        if (operation.path().contains("{bureau}") && !reaches(kind, relation)) {
            return Expected.NOT_FOUND;
        }
        if (operation.scope().equals("self")
                && operation.path().contains("{member}")
                && !(relation.bureau + "-m").equals(kind.member())
                && !kind.scopes().contains("notifications:manage")) {
            return Expected.NOT_FOUND;
        }
        return Expected.ANSWERED;
    }

    static boolean reaches(Kind kind, Relation relation) {
        return switch (kind.reach()) {
            case EVERY_BUREAU -> true;
            case SUBTREE -> relation == Relation.OWN || relation == Relation.CHILD;
            case OWN_BUREAU -> relation == Relation.OWN;
        };
    }

    /** An operation as the service's OpenAPI describes it, with the scope the roles table gives it. */
    record Operation(String service, String method, String path, String contentType) {

        boolean isPublic() {
            return path.startsWith("/api/v1/calendar/");
        }

        String scope() {
            boolean read = method.equals("GET");
            if (path.contains("/inbox")
                    || path.contains("/notification-preferences")
                    || path.contains("/calendar-token")) {
                return "self";
            }
            if (path.contains("/webhooks")) {
                return "notifications:manage";
            }
            if (path.contains("/reminder-policy") || path.contains("/reminders")) {
                return read ? "assessment:read" : "notifications:manage";
            }
            if (path.contains("/clients") || path.contains("/logins")) {
                return "clients:manage";
            }
            return switch (service) {
                case "organisation" -> read ? "directory:read" : "directory:write";
                case "activity" -> read ? "activities:read" : "activities:write";
                case "assessment" -> read ? "assessment:read" : "assessment:write";
                default -> throw new IllegalStateException("No scope for " + this);
            };
        }

        @Override
        public String toString() {
            return method + " " + path + (contentType == null ? "" : " (" + contentType + ")");
        }
    }

    private static List<Operation> operations() throws IOException, InterruptedException {
        var services = new LinkedHashMap<String, Integer>();
        services.put("identity", options.identityPort());
        var names = List.of("organisation", "activity", "assessment", "notification");
        for (int i = 0; i < names.size(); i++) {
            services.put(names.get(i), options.servicePorts().get(i));
        }
        var operations = new ArrayList<Operation>();
        for (var service : services.entrySet()) {
            var docs = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.getValue() + "/v3/api-docs"))
                            .header(
                                    "Authorization",
                                    "Bearer " + tokens.get("PLATFORM_OPERATOR").get())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(docs.statusCode()).as(service.getKey() + " OpenAPI").isEqualTo(200);
            JsonNode paths = JSON.readTree(docs.body()).get("paths");
            for (var path : paths.properties()) {
                if (!path.getKey().startsWith("/api/v1/")) {
                    continue;
                }
                for (String method : List.of("get", "post", "put", "patch", "delete")) {
                    JsonNode operation = path.getValue().get(method);
                    if (operation == null) {
                        continue;
                    }
                    var content = operation.path("requestBody").path("content");
                    String type = content.properties().isEmpty()
                            ? null
                            : content.properties().iterator().next().getKey();
                    operations.add(new Operation(
                            service.getKey(), method.toUpperCase(java.util.Locale.ROOT), path.getKey(), type));
                }
            }
        }
        return operations;
    }

    private static int call(Operation operation, Relation relation, Supplier<String> token)
            throws IOException, InterruptedException {
        String path = operation
                .path()
                .replace("{bureau}", relation.bureau)
                .replace("{member}", relation.bureau + "-m")
                .replace("{branch}", "zgnf")
                .replace("{month}", "2026-07")
                .replace("{sheet}", "members")
                .replaceAll("\\{[^}]+}", NONE);
        var request =
                HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path)).timeout(Duration.ofSeconds(30));
        String bearer = token.get();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (operation.method().equals("GET") || operation.method().equals("DELETE")) {
            request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            String type = operation.contentType() == null ? "application/json" : operation.contentType();
            String body = type.startsWith("multipart/") ? "--x--\r\n" : type.contains("json") ? "{}" : "";
            request.header("Content-Type", type.startsWith("multipart/") ? "multipart/form-data; boundary=x" : type);
            request.method(operation.method(), HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Each bureau of the matrix with its branch and four people: an office clerk, a first secretary, a branch secretary, a member. */
    private static void organisation() {
        created(operator.post("/api/v1/bureaus", bureau(ROOT, "MUNICIPAL", null)));
        created(operator.post("/api/v1/bureaus", bureau(OWN, "COUNTY", ROOT)));
        created(operator.post("/api/v1/bureaus", bureau(SIBLING, "COUNTY", ROOT)));
        created(operator.post("/api/v1/bureaus", bureau(CHILD, "DISTRICT", OWN)));
        for (Relation relation : Relation.values()) {
            String b = relation.bureau;
            created(operator.post("/api/v1/bureaus/" + b + "/branches", """
                    {"code":"zgnf","name":"征管党支部","divisions":["征收管理科"]}"""));
            created(operator.post("/api/v1/bureaus/" + b + "/members", person(b + "-office", "PARTY_BUILDING_OFFICE")));
            created(operator.post("/api/v1/bureaus/" + b + "/members", person(b + "-fs", "COMMITTEE_MEMBER")));
            created(operator.post("/api/v1/bureaus/" + b + "/members", person(b + "-bs", "BRANCH_SECRETARY")));
            created(operator.post("/api/v1/bureaus/" + b + "/members", person(b + "-m", "MEMBER")));
            created(operator.post("/api/v1/bureaus/" + b + "/first-secretaries", """
                    {"member":"%s-fs","branch":"zgnf","from":"2026-01-01"}""".formatted(b)));
        }
        // every service knows every bureau before the matrix runs, so an allowed call is never refused for want of it
        for (Relation relation : Relation.values()) {
            for (String read : List.of("/activities", "/obligations", "/reminders", "/clients")) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> operator.get("/api/v1/bureaus/" + relation.bureau + read)
                                        .status()
                                == 200);
            }
        }
    }

    private static Supplier<String> client(OAuthClient oauth, String registration) {
        var created = operator.post("/api/v1/bureaus/" + OWN + "/clients", registration);
        created(created);
        return oauth.tokens(
                created.body().get("clientId").asString(),
                created.body().get("clientSecret").asString());
    }

    /** A real token of the identity service, of a client whose tokens live one second, once it has lapsed. */
    private static Supplier<String> lapsed(OAuthClient oauth) {
        var created = operator.post("/api/v1/bureaus/" + OWN + "/clients", """
                {"name":"短时","scopes":["directory:read"],"tokenLifetime":"PT1S"}""");
        created(created);
        var token = oauth.clientCredentials(
                created.body().get("clientId").asString(),
                created.body().get("clientSecret").asString());
        Instant expiry =
                Instant.ofEpochSecond(claims(token.accessToken()).get("exp").asLong());
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expiry.plusSeconds(1)));
        String value = token.accessToken();
        return () -> value;
    }

    /** The office clerk's token with its bureau claim moved to the parent, the signature kept. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = payload.replace("\"" + OWN + "\"", "\"" + ROOT + "\"");
        assertThat(changed).isNotEqualTo(payload);
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    private static JsonNode claims(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static String bureau(String code, String level, String parent) {
        return parent == null
                ? "{\"code\":\"%s\",\"name\":\"税务局\",\"level\":\"%s\"}".formatted(code, level)
                : "{\"code\":\"%s\",\"name\":\"税务局\",\"level\":\"%s\",\"parent\":\"%s\"}"
                        .formatted(code, level, parent);
    }

    private static String person(String id, String role) {
        return """
                {"id":"%s","name":"党员","email":"%s@nt.example","roles":["%s"],"branch":"zgnf"}""".formatted(id, id, role);
    }

    private static void created(ApiClient.Response response) {
        assertThat(response.status()).as("%s", response.body()).isIn(200, 201);
    }
}
