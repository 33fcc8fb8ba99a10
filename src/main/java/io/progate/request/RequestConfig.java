package io.progate.request;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Release requests: package limits, inspection bounds, expiry and retention. */
@ConfigMapping(prefix = "progate.requests")
public interface RequestConfig {

    /** Largest package accepted; keep quarkus.http.limits.max-body-size a little above it. */
    @WithDefault("1G")
    MemorySize maxPackageSize();

    /**
     * Folder of the package store, one file per package (PROGATE_REQUESTS_PACKAGE_DIRECTORY). Replicas
     * share it (a network file system or a shared volume). Uploads are spooled to its {@code uploads}
     * subfolder, so storing a package is a rename, not a copy.
     */
    @WithDefault("progate-packages")
    Path packageDirectory();

    /** Largest icon accepted. */
    @WithDefault("1M")
    MemorySize maxIconSize();

    /** Inspection stops and refuses a zip whose entries expand to more than this many times its size. */
    @WithDefault("100")
    int maxExpansionRatio();

    /** Inspection refuses a zip whose entries expand to more than this in total, whatever its size. */
    @WithDefault("8G")
    MemorySize maxExpandedSize();

    /** Entries listed for approvers; the rest are counted only. */
    @WithDefault("500")
    int maxListedEntries();

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
