package io.firstsecretary.assessment.rebuild;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * The operator's handle on the projections: {@code GET /actuator/projections} shows the live
 * generation and the last rebuild, {@code POST /actuator/projections} starts a rebuild in the
 * background (one at a time).
 */
@Component
@Endpoint(id = "projections")
class ProjectionsEndpoint implements DisposableBean {

    private final ProjectionRebuild rebuild;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionsEndpoint(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @ReadOperation
    ProjectionRebuild.Status status() {
        return rebuild.status();
    }

    @WriteOperation
    synchronized ProjectionRebuild.Status start() {
        if (!rebuild.running()) {
            rebuild.starting();
            worker.submit(rebuild::rebuild);
        }
        return rebuild.status();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
