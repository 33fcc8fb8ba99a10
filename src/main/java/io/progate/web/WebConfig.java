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
     * Requests (pages and API) one replica serves at once (PROGATE_WEB_MAX_IN_FLIGHT); one more is answered
     * 503 with Retry-After at once. Keep it well below the worker pool (quarkus.thread-pool.max-threads, 200
     * on small machines), so health checks and the execution worker always find a thread, and near a few
     * times the connection pool, so the excess is refused at once rather than after the acquisition timeout.
     */
    @WithDefault("64")
    int maxInFlight();

    /**
     * Origins (scheme://host[:port]) besides the portal's own from which browsers may post, e.g. the
     * public address when a proxy does not forward the Host header. Empty by default.
     */
    Optional<List<String>> trustedOrigins();
}
