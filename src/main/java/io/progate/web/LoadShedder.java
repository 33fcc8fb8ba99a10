package io.progate.web;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the requests a replica serves at once ({@code progate.web.max-in-flight}). One more waits, on the
 * I/O thread and holding nothing (no worker thread, no database connection, its body not yet read), in a
 * queue of at most {@code progate.web.max-queued} for up to {@code progate.web.max-queue-wait}, and goes on
 * as soon as a place frees, first come first served. When the queue is full, or the wait is over, it is
 * answered 503 with {@code Retry-After}. A burst (say 200 concurrent approvals, each running bcrypt for
 * HTTP Basic) is thus served a slice at a time instead of refused, and cannot take every worker thread,
 * so health checks (served by the management router, not counted here) and everything else keep being
 * served.
 */
@ApplicationScoped
public class LoadShedder {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();

    @Inject
    WebConfig config;

    /** A request waiting for a place; {@code taken} once it goes on or is refused, never both. */
    private record Waiting(RoutingContext request, Context context, AtomicBoolean taken, long[] timer) {
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::admit);
    }

    void admit(RoutingContext request) {
        if (enter()) {
            proceed(request);
            return;
        }
        if (queued.incrementAndGet() > config.maxQueued()) {
            queued.decrementAndGet();
            refuse(request);
            return;
        }
        Vertx vertx = request.vertx();
        Waiting w = new Waiting(request, vertx.getOrCreateContext(), new AtomicBoolean(), new long[1]);
        w.timer()[0] = vertx.setTimer(Math.max(1, config.maxQueueWait().toMillis()), id -> {
            if (w.taken().compareAndSet(false, true)) {
                queued.decrementAndGet();
                refuse(request);
            }
        });
        waiting.add(w);
        // a place may have freed between the refusal above and joining the queue
        drain();
    }

    private void proceed(RoutingContext request) {
        if (request.response().ended() || request.response().closed()) {
            release();
            return;
        }
        request.addEndHandler(ended -> release());
        request.next();
    }

    private void release() {
        inFlight.decrementAndGet();
        drain();
    }

    /** Hands free places to waiting requests, oldest first. */
    private void drain() {
        while (!waiting.isEmpty() && enter()) {
            Waiting w = waiting.poll();
            if (w == null) {
                inFlight.decrementAndGet();
                return;
            }
            if (!w.taken().compareAndSet(false, true)) {
                inFlight.decrementAndGet(); // refused at the end of its wait meanwhile
                continue;
            }
            queued.decrementAndGet();
            w.request().vertx().cancelTimer(w.timer()[0]);
            w.context().runOnContext(v -> proceed(w.request()));
        }
    }

    private static void refuse(RoutingContext request) {
        if (request.response().ended() || request.response().closed()) {
            return;
        }
        String path = request.normalizedPath();
        boolean api = path.startsWith("/api/") || path.startsWith("/sandbox/");
        request.response().setStatusCode(503).putHeader("Retry-After", String.valueOf(Overload.RETRY_AFTER_SECONDS))
                .putHeader(HttpHeaders.CONTENT_TYPE, api ? "application/json" : "text/plain; charset=UTF-8")
                .end(api ? "{\"error\":\"" + Overload.MESSAGE + "\",\"details\":[]}" : Overload.MESSAGE);
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

    int queued() {
        return queued.get();
    }
}
