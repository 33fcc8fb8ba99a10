package io.progate.packages;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import io.smallrye.config.WithDefault;

/**
 * Where {@link PackageStore} keeps packages and how far {@link PackageInspector} reads into one. The keys sit with the other
 * request limits under {@code progate.requests} (see {@code request.RequestConfig}).
 */
@ConfigMapping(prefix = "progate.requests")
public interface PackageConfig {

    /**
     * Folder of the package store, one file per package (PROGATE_REQUESTS_PACKAGE_DIRECTORY). Replicas
     * share it (a network file system or a shared volume). Uploads are spooled to its {@code uploads}
     * subfolder, so storing a package is a rename, not a copy.
     */
    @WithDefault("progate-packages")
    Path packageDirectory();

    /** Inspection stops and refuses a zip whose entries expand to more than this many times its size. */
    @WithDefault("100")
    int maxExpansionRatio();

    /** Inspection refuses a zip whose entries expand to more than this in total, whatever its size. */
    @WithDefault("8G")
    MemorySize maxExpandedSize();

    /** Entries listed for approvers; the rest are counted only. */
    @WithDefault("500")
    int maxListedEntries();

    /** Files of a zip whose path, size and SHA-256 are kept as the package's manifest; more are counted only. */
    @WithDefault("20000")
    int maxManifestEntries();
}
