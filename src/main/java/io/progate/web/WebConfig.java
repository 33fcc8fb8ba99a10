package io.progate.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Rules every request passes before anything reads its body. */
@ConfigMapping(prefix = "progate.web")
public interface WebConfig {

    /**
     * Largest body accepted outside the publish routes (which take up to quarkus.http.limits.max-body-size);
     * a body announced larger is refused with 413 before it is read.
     */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /**
     * Requests (pages and API) one replica serves at once (PROGATE_WEB_MAX_IN_FLIGHT); more wait in a queue
     * (max-queued, max-queue-wait). Keep it well below the worker pool (quarkus.thread-pool.max-threads, 200
     * on small machines), so health checks and the execution worker always find a thread, and near a few
     * times the connection pool, so the excess waits in the queue rather than for a connection.
     */
    @WithDefault("64")
    int maxInFlight();

    /**
     * Requests that wait for a place when max-in-flight are being served (PROGATE_WEB_MAX_QUEUED); they
     * hold no thread and no connection while they wait. One more is answered 503 with Retry-After at once.
     */
    @WithDefault("256")
    int maxQueued();

    /** How long a request waits for a place before it is answered 503 with Retry-After (PROGATE_WEB_MAX_QUEUE_WAIT). */
    @WithDefault("PT15S")
    java.time.Duration maxQueueWait();

    /**
     * Origins (scheme://host[:port]) besides the portal's own from which browsers may post, e.g. the
     * public address when a proxy does not forward the Host header. Empty by default.
     */
    Optional<List<String>> trustedOrigins();
}
