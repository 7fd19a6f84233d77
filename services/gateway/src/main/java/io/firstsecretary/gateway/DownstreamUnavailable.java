package io.firstsecretary.gateway;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A service the gateway cannot reach (starting, restarting, gone) is a 503 problem that says when to
 * try again, not a 500: the request was never handled, so repeating it is safe.
 */
@Component
@Order(-2)
class DownstreamUnavailable implements WebExceptionHandler {

    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (!unreachable(error) || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        String path =
                exchange.getRequest().getPath().value().replace("\\", "\\\\").replace("\"", "\\\"");
        byte[] body = ("{\"type\":\"https://firstsecretary.io/problems/service-unavailable\","
                        + "\"title\":\"Service Unavailable\",\"status\":503,"
                        + "\"detail\":\"The service behind this path is not reachable now; try again shortly\","
                        + "\"instance\":\"" + path + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static boolean unreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
