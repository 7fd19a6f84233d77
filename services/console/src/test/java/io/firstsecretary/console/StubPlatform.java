package io.firstsecretary.console;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The platform's API and OpenID discovery as a real HTTP server on the loopback, answering each
 * request from the responses a test set up and recording what the console sent: its method, path,
 * query, token and body. A path nobody set up answers 404 problem+json, as the API does for a
 * bureau the caller cannot reach.
 */
final class StubPlatform implements AutoCloseable {

    record Exchange(
            String method,
            String path,
            String query,
            String authorization,
            String contentType,
            byte[] body,
            Map<String, List<String>> headers) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> h.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    record Answer(int status, String contentType, byte[] body) {}

    private final HttpServer server;
    /** The latest answer set for a request wins, so a test can change what an earlier one set up. */
    private final List<Map.Entry<String, Answer>> answers = new CopyOnWriteArrayList<>();

    final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    StubPlatform() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            exchanges.add(new Exchange(
                    method,
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body,
                    Map.copyOf(exchange.getRequestHeaders())));
            Answer found = null;
            for (int i = answers.size() - 1; i >= 0 && found == null; i--) {
                if (Pattern.matches(answers.get(i).getKey(), method + " " + path)) {
                    found = answers.get(i).getValue();
                }
            }
            var answer = found != null
                    ? found
                    : (new Answer(
                            404,
                            "application/problem+json",
                            ("{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No " + path + "\"}")
                                    .getBytes(StandardCharsets.UTF_8)));
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                exchange.getResponseBody().write(answer.body());
            }
            exchange.close();
        });
        server.start();
        discovery();
    }

    /** Forgets every answer set up and every request received; answers OpenID discovery again. */
    void reset() {
        answers.clear();
        exchanges.clear();
        discovery();
    }

    private void discovery() {
        json("GET /.well-known/openid-configuration", 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/oauth2/token",
                 "jwks_uri":"%1$s/oauth2/jwks","userinfo_endpoint":"%1$s/userinfo","end_session_endpoint":"%1$s/connect/logout",
                 "response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","profile"]}""".formatted(url()));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests matching {@code "METHOD /path-regex"} with JSON. */
    StubPlatform json(String request, int status, String json) {
        answers.add(Map.entry(
                request,
                new Answer(
                        status,
                        status >= 400 ? "application/problem+json" : "application/json",
                        json.getBytes(StandardCharsets.UTF_8))));
        return this;
    }

    StubPlatform bytes(String request, String contentType, byte[] body) {
        answers.add(Map.entry(request, new Answer(200, contentType, body)));
        return this;
    }

    List<Exchange> sent(String method, String pathRegex) {
        return exchanges.stream()
                .filter(e -> e.method().equals(method) && Pattern.matches(pathRegex, e.path()))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
