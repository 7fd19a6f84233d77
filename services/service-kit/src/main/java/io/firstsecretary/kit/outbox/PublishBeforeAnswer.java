package io.firstsecretary.kit.outbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Read-your-writes across services: a request that wrote events is answered only once the relay
 * has put them on the broker, so a service that replicates them, asked right after the answer,
 * finds them on its topic and waits for its replica instead of refusing. The answer is held (its
 * body buffered) while this request's events and any before them are relayed; if the broker cannot
 * take them, the request is answered anyway and the relay keeps trying.
 */
public final class PublishBeforeAnswer extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final OutboxRelay relay;
    private final OutboxWrites writes;

    public PublishBeforeAnswer(OutboxRelay relay, OutboxWrites writes) {
        this.relay = relay;
        this.writes = writes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        writes.takeWrittenByThisThread();
        var held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
        } finally {
            if (writes.takeWrittenByThisThread()) {
                relay.relayQuietly();
            }
            held.copyBodyToResponse();
        }
    }
}
