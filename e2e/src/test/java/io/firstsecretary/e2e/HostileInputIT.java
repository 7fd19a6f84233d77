package io.firstsecretary.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firstsecretary.contracts.Topics;
import io.firstsecretary.infra.platform.PlatformOptions;
import io.firstsecretary.infra.platform.RunningPlatform;
import io.firstsecretary.infra.testing.ApiClient;
import io.firstsecretary.infra.testing.PlatformCredentials;
import io.firstsecretary.infra.testing.TopicProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The front door under hostile input: every write operation each service documents in its OpenAPI
 * receives thousands of malformed and hostile bodies (broken and invalid JSON, invalid UTF-8, deep
 * nesting, huge strings and arrays, wrong types for every field, operator injection, path traversal
 * in codes), through the gateway. Each is answered 4xx with problem+json, none 5xx; afterwards the
 * platform holds exactly what it held before and no topic carries a new event.
 */
class HostileInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** What the platform holds, read through the API before and after. */
    private static final List<String> STATE = List.of(
            "/api/v1/bureaus?size=500",
            "/api/v1/bureaus/nt/branches?size=500",
            "/api/v1/bureaus/nt/members?size=500",
            "/api/v1/bureaus/nt/first-secretaries?size=500",
            "/api/v1/bureaus/nt/activities?size=500&includeVoided=true",
            "/api/v1/bureaus/nt/obligations?size=500",
            "/api/v1/bureaus/nt/reminders?size=500",
            "/api/v1/bureaus/nt/reminder-policy",
            "/api/v1/bureaus/nt/webhooks?size=500",
            "/api/v1/bureaus/nt/members/wangjun/notification-preferences",
            "/api/v1/bureaus/nt/members/wangjun/inbox",
            "/api/v1/bureaus/nt/catalogue",
            "/api/v1/bureaus/nt/scoring-policy",
            "/api/v1/bureaus/nt/competition-groups",
            "/api/v1/bureaus/nt/reviews?size=500",
            "/api/v1/bureaus/nt/evaluations?size=500");

    /** Sent to the hostile paths; the real path gets every generated body. */
    private static final List<byte[]> HOSTILE_PATH_BODIES = List.of(
            "{}".getBytes(StandardCharsets.UTF_8),
            "{\"$where\":\"1\"}".getBytes(StandardCharsets.UTF_8),
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'});

    @TempDir
    static Path data;

    static RunningPlatform platform;
    static PlatformOptions options;
    static ApiClient api;
    static Supplier<String> operator;

    @BeforeAll
    static void startPlatform() {
        options = PlatformOptions.onFreePorts(
                Path.of(".."),
                data,
                false,
                // the clock's own work (rankings, overdue sweeps, digests) would publish events mid-test
                Map.of(
                        "FIRSTSEC_CLOCK_FIXED", "2026-08-03T02:00:00Z",
                        "FIRSTSEC_RANKINGS_PUBLISH_DELAY", "PT24H",
                        "FIRSTSEC_OBLIGATIONS_SWEEP_DELAY", "PT24H",
                        "FIRSTSEC_NOTIFICATION_DIGEST_INTERVAL", "PT24H"));
        platform = RunningPlatform.start(options);
        operator = PlatformCredentials.of(platform).operator();
        api = new ApiClient(platform.gatewayUrl(), operator);
        created(api.post("/api/v1/bureaus", """
                {"code":"nt","name":"国家税务总局南通市税务局","level":"MUNICIPAL"}"""));
        created(api.post("/api/v1/bureaus/nt/branches", """
                {"code":"zgnf","name":"征管和纳税服务党支部","divisions":["征收管理科"]}"""));
        created(api.post("/api/v1/bureaus/nt/members", """
                {"id":"wangjun","name":"王军","email":"wangjun@nt.example","roles":["COMMITTEE_MEMBER"],"branch":"zgnf"}"""));
        created(api.post("/api/v1/bureaus/nt/first-secretaries", """
                {"member":"wangjun","branch":"zgnf","from":"2026-01-01"}"""));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/v1/bureaus/nt/obligations?assignee=wangjun")
                                .body()
                                .get("total")
                                .asLong()
                        == 26);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyWriteEndpointAnswersHostileBodiesWithAProblemAndChangesNothing() throws Exception {
        var operations = writeOperations();
        assertThat(operations).hasSizeGreaterThan(20);
        var before = state();
        var events = eventCounts();

        var answers = new TreeMap<Integer, Integer>();
        var failures = new TreeMap<String, String>();
        int sent = 0;
        for (var operation : operations) {
            var paths = paths(operation.path());
            for (var path : paths) {
                if (!operation.takesBody() && path.equals(paths.get(0))) {
                    continue; // it takes no body, and its real path is meant to succeed: only hostile paths
                }
                var bodies = !operation.takesBody()
                        ? List.of(new byte[0])
                        : path.equals(paths.get(0)) ? bodies(operation.fields()) : HOSTILE_PATH_BODIES;
                for (byte[] body : bodies) {
                    HttpResponse<String> response;
                    try {
                        response = send(operation.method(), path, body);
                    } catch (java.net.http.HttpTimeoutException e) {
                        failures.putIfAbsent(
                                operation.method() + " " + operation.path() + " → no answer in 30 s",
                                path + " ← " + preview(body));
                        continue;
                    }
                    sent++;
                    answers.merge(response.statusCode(), 1, Integer::sum);
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    if (response.statusCode() < 400
                            || response.statusCode() >= 500
                            || !type.startsWith("application/problem+json")) {
                        failures.putIfAbsent(
                                operation.method() + " " + operation.path() + " → " + response.statusCode() + " "
                                        + type,
                                path + " ← " + preview(body) + " answered " + preview(response.body()));
                    }
                }
            }
        }
        System.out.printf(
                "Hostile input: %d requests to %d operations, answers %s%n", sent, operations.size(), answers);

        failures.forEach((what, example) -> System.out.println("  " + what + "\n      e.g. " + example));
        assertThat(failures.keySet()).as("answers other than a 4xx problem").isEmpty();
        assertThat(sent).isGreaterThan(2_000);
        assertThat(state()).isEqualTo(before);
        assertThat(eventCounts()).isEqualTo(events);
    }

    /** A write operation with a JSON body, and the top-level fields its request schema names. */
    record Operation(String method, String path, boolean takesBody, List<String> fields) {}

    private static List<Operation> writeOperations() throws IOException, InterruptedException {
        var operations = new ArrayList<Operation>();
        for (int port : options.servicePorts()) {
            JsonNode docs = JSON.readTree(HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                                    .header("Authorization", "Bearer " + operator.get())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            JsonNode schemas = docs.path("components").path("schemas");
            for (var path : docs.get("paths").properties()) {
                for (String method : List.of("post", "put", "patch")) {
                    JsonNode operation = path.getValue().get(method);
                    if (operation == null || !path.getKey().startsWith("/api/v1/")) {
                        continue;
                    }
                    JsonNode json =
                            operation.path("requestBody").path("content").path("application/json");
                    var fields = new ArrayList<String>();
                    String ref = json.path("schema").path("$ref").asString("");
                    if (!ref.isEmpty()) {
                        schemas.path(ref.substring(ref.lastIndexOf('/') + 1))
                                .path("properties")
                                .propertyNames()
                                .forEach(fields::add);
                    }
                    operations.add(new Operation(method.toUpperCase(), path.getKey(), !json.isMissingNode(), fields));
                }
            }
        }
        return operations;
    }

    /** The operation's path with real codes, then with hostile ones where the first code goes. */
    private static List<String> paths(String template) {
        var real = template.replace("{bureau}", "nt")
                .replace("{member}", "wangjun")
                .replaceAll("\\{[^}]+}", "x1");
        var paths = new ArrayList<>(List.of(real));
        if (template.contains("{bureau}")) {
            for (String hostile : List.of("..%2F..%2Fetc%2Fpasswd", "%24where", "nt%00", "a".repeat(300))) {
                paths.add(template.replace("{bureau}", hostile)
                        .replace("{member}", "wangjun")
                        .replaceAll("\\{[^}]+}", "x1"));
            }
        }
        return paths;
    }

    private static List<byte[]> bodies(List<String> fields) {
        var bodies = new ArrayList<byte[]>();
        for (String text : List.of(
                "",
                "{",
                "}",
                "[",
                "null",
                "true",
                "123",
                "\"text\"",
                "[]",
                "{}",
                "{\"a\":",
                "{'single':'quotes'}",
                "{\"a\":1,,}",
                "{\"zzz\":1}",
                "{\"a\":1,\"a\":2}",
                "{\"$where\":\"sleep(5000)\"}",
                "{\"$gt\":\"\"}",
                "[".repeat(5_000) + "]".repeat(5_000),
                "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000),
                "{\"x\":\"" + "长".repeat(1_000_000) + "\"}")) {
            bodies.add(text.getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'});
        bodies.add(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'});
        var hostileValues = new LinkedHashMap<String, String>();
        hostileValues.put("number", "12345678901234567890");
        hostileValues.put("negative", "-1");
        hostileValues.put("float", "1e309");
        hostileValues.put("boolean", "true");
        hostileValues.put("object", "{\"$ne\":null}");
        hostileValues.put("array", "[{\"$gt\":\"\"}]");
        hostileValues.put("null", "null");
        hostileValues.put("traversal", "\"../../etc/passwd\"");
        hostileValues.put("control", "\"\\u0000\\u001b[31m\"");
        hostileValues.put("date", "\"2026-13-45\"");
        hostileValues.put("long", "\"" + "x".repeat(100_000) + "\"");
        hostileValues.put("huge array", "[" + "\"a\",".repeat(100_000) + "\"a\"]");
        for (String field : fields) {
            for (String value : hostileValues.values()) {
                bodies.add(("{\"" + field + "\":" + value + "}").getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!fields.isEmpty()) {
            for (String value : List.of("12", "{\"$where\":\"1\"}", "\"../..\"")) {
                var all = new StringBuilder("{");
                for (String field : fields) {
                    all.append(all.length() > 1 ? "," : "")
                            .append('"')
                            .append(field)
                            .append("\":")
                            .append(value);
                }
                bodies.add(all.append('}').toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return bodies;
    }

    private static HttpResponse<String> send(String method, String path, byte[] body)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + operator.get())
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> state() {
        var state = new LinkedHashMap<String, String>();
        for (String path : STATE) {
            var response = api.get(path);
            state.put(path, response.status() + " " + response.body());
        }
        return state;
    }

    private static Map<String, Integer> eventCounts() {
        try (var topics = new TopicProbe(platform.kafkaBootstrapServers())) {
            var counts = new LinkedHashMap<String, Integer>();
            for (String topic : List.of(Topics.ORGANISATION, Topics.ACTIVITY, Topics.ASSESSMENT, Topics.NOTIFICATION)) {
                counts.put(topic, topics.readAll(topic).size());
            }
            return counts;
        }
    }

    private static String preview(Object body) {
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
        return text.length() > 120 ? text.substring(0, 120) + "…(" + text.length() + ")" : text;
    }

    private static void created(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(201);
    }
}
