package io.progate.web;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the requests a replica serves at once ({@code progate.web.max-in-flight}); one more is answered
 * 503 with {@code Retry-After} on the I/O thread, before authentication, a worker thread or a database
 * connection is taken. A burst (say 200 concurrent approvals, each running bcrypt for HTTP Basic) then
 * cannot take every worker thread, so health checks (served by the management router, not counted
 * here) and everything else keep being served.
 */
@ApplicationScoped
public class LoadShedder {

    private final AtomicInteger inFlight = new AtomicInteger();

    @Inject
    WebConfig config;

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::admit);
    }

    void admit(RoutingContext context) {
        if (!enter()) {
            String path = context.normalizedPath();
            boolean api = path.startsWith("/api/") || path.startsWith("/sandbox/");
            context.response().setStatusCode(503).putHeader("Retry-After", String.valueOf(Overload.RETRY_AFTER_SECONDS))
                    .putHeader(HttpHeaders.CONTENT_TYPE, api ? "application/json" : "text/plain; charset=UTF-8")
                    .end(api ? "{\"error\":\"" + Overload.MESSAGE + "\",\"details\":[]}" : Overload.MESSAGE);
            return;
        }
        context.addEndHandler(ended -> inFlight.decrementAndGet());
        context.next();
    }

    /** Takes a place if one is free. */
    boolean enter() {
        if (inFlight.incrementAndGet() > config.maxInFlight()) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    int inFlight() {
        return inFlight.get();
    }
}
