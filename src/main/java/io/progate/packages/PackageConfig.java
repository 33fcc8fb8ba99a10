package io.progate.packages;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How far {@link PackageInspector} reads into an uploaded package. The keys sit with the other
 * request limits under {@code progate.requests} (see {@code request.RequestConfig}).
 */
@ConfigMapping(prefix = "progate.requests")
public interface PackageConfig {

    /** Inspection stops and refuses a zip whose entries expand to more than this many times its size. */
    @WithDefault("100")
    int maxExpansionRatio();

    /** Inspection refuses a zip whose entries expand to more than this in total, whatever its size. */
    @WithDefault("8G")
    MemorySize maxExpandedSize();

    /** Entries listed for approvers; the rest are counted only. */
    @WithDefault("500")
    int maxListedEntries();
}
