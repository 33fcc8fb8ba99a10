package io.progate.request;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Release requests: package limits, expiry and retention (inspection bounds: {@link io.progate.packages.PackageConfig}). */
@ConfigMapping(prefix = "progate.requests")
public interface RequestConfig {

    /** Largest package accepted; keep quarkus.http.limits.max-body-size a little above it. */
    @WithDefault("1G")
    MemorySize maxPackageSize();

    /** Largest input a TASK request may carry (typed or uploaded JSON). */
    @WithDefault("10M")
    MemorySize maxTaskInputSize();

    /** Largest task response ProGate fetches from PRO and keeps; a larger one is left in PRO, with the reason shown. */
    @WithDefault("64M")
    MemorySize maxTaskResponseSize();

    /** Largest icon accepted. */
    @WithDefault("1M")
    MemorySize maxIconSize();

    /** How long the content of a finished request's package is kept (its name, size and hash stay). */
    @WithDefault("P30D")
    Duration packageRetention();

    /** How often pending requests are checked for expiry (a Quartz-free scheduler interval such as 5m). */
    @WithDefault("5m")
    String expiryEvery();

    /** How often packages past their retention are purged. */
    @WithDefault("1h")
    String purgeEvery();
}
