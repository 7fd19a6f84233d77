package io.firstsecretary.console.api;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform API, called as the signed-in person. Every refusal becomes an {@link ApiProblem}
 * carrying the API's own problem details, so no page turns a 4xx into a server error.
 */
@Component
public class Api {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final RestClient rest;

    Api(RestClient platformApi) {
        this.rest = platformApi;
    }

    public <T> T get(Function<UriBuilder, URI> uri, Class<T> type) {
        return rest.get()
                .uri(uri)
                .retrieve()
                .onStatus(HttpStatusCode::isError, Api::refuse)
                .body(type);
    }

    public <T> T get(Function<UriBuilder, URI> uri, ParameterizedTypeReference<T> type) {
        return rest.get()
                .uri(uri)
                .retrieve()
                .onStatus(HttpStatusCode::isError, Api::refuse)
                .body(type);
    }

    /** The bytes of a download (an export, an attachment), with its content type. */
    public Download download(Function<UriBuilder, URI> uri) {
        return rest.get().uri(uri).exchange((request, response) -> {
            if (response.getStatusCode().isError()) {
                refuse(request, response);
            }
            return new Download(
                    response.getHeaders().getContentType(),
                    response.getHeaders().getContentDisposition().getFilename(),
                    response.getBody().readAllBytes());
        });
    }

    public <T> T post(Function<UriBuilder, URI> uri, Object body, Class<T> type) {
        return send(HttpMethod.POST, uri, MediaType.APPLICATION_JSON, body, Map.of(), type);
    }

    public <T> T post(Function<UriBuilder, URI> uri, Object body, Map<String, String> headers, Class<T> type) {
        return send(HttpMethod.POST, uri, MediaType.APPLICATION_JSON, body, headers, type);
    }

    public <T> T patch(Function<UriBuilder, URI> uri, Object body, Class<T> type) {
        return send(HttpMethod.PATCH, uri, MediaType.APPLICATION_JSON, body, Map.of(), type);
    }

    public <T> T put(Function<UriBuilder, URI> uri, Object body, Class<T> type) {
        return send(HttpMethod.PUT, uri, MediaType.APPLICATION_JSON, body, Map.of(), type);
    }

    /** Sends {@code body} as {@code contentType} (JSON, a file's bytes, multipart parts) and reads the answer. */
    public <T> T send(
            HttpMethod method,
            Function<UriBuilder, URI> uri,
            MediaType contentType,
            Object body,
            Map<String, String> headers,
            Class<T> type) {
        return rest.method(method)
                .uri(uri)
                .contentType(contentType)
                .headers(h -> headers.forEach(h::set))
                .body(body)
                .retrieve()
                .onStatus(HttpStatusCode::isError, Api::refuse)
                .body(type);
    }

    public void delete(Function<UriBuilder, URI> uri) {
        rest.delete()
                .uri(uri)
                .retrieve()
                .onStatus(HttpStatusCode::isError, Api::refuse)
                .toBodilessEntity();
    }

    public <T> T multipart(Function<UriBuilder, URI> uri, MultiValueMap<String, ?> parts, Class<T> type) {
        return send(HttpMethod.POST, uri, MediaType.MULTIPART_FORM_DATA, parts, Map.of(), type);
    }

    private static void refuse(org.springframework.http.HttpRequest request, ClientHttpResponse response)
            throws IOException {
        int status = response.getStatusCode().value();
        byte[] body = response.getBody().readAllBytes();
        Problem problem;
        try {
            problem = body.length == 0 ? new Problem(null, null, null) : JSON.readValue(body, Problem.class);
        } catch (RuntimeException unreadable) {
            problem = new Problem(null, null, null);
        }
        throw new ApiProblem(status, problem.title(), problem.detail(), problem.errors());
    }

    private record Problem(String title, String detail, java.util.List<ApiProblem.FieldError> errors) {}

    /** A file the API handed out. */
    public record Download(MediaType type, String filename, byte[] bytes) {}
}
